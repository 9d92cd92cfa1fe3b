using System.ComponentModel;
using System.Globalization;

namespace MeshClient.Discovery.Static;

/// <summary>Lets the configuration binder read a plain URL string as a <see cref="StaticInstanceOptions"/>.</summary>
internal sealed class StaticInstanceOptionsConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType)
        => sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
        => value is string url ? new StaticInstanceOptions { Url = url.Trim() } : base.ConvertFrom(context, culture, value);
}
