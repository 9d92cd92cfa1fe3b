using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeshClient.AspNetCore.Endpoints;

/// <summary>Writes every <see cref="DateTimeOffset"/> as ISO-8601 UTC (<c>2025-01-02T03:04:05Z</c>).</summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime);
    }
}
