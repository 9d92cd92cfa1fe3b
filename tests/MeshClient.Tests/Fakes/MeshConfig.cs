using Microsoft.Extensions.Configuration;

namespace MeshClient.Tests.Fakes;

/// <summary>Builds in-memory configuration the way users write it (<c>Mesh:...</c> keys); a later setting of a key wins.</summary>
internal static class MeshConfig
{
    public static IConfigurationRoot Root(params (string Key, string? Value)[] settings)
        => new ConfigurationBuilder().AddSettings(settings).Build();

    public static IConfigurationSection Section(params (string Key, string? Value)[] settings) => Root(settings).GetSection("Mesh");

    public static IConfigurationBuilder AddSettings(this IConfigurationBuilder builder, params (string Key, string? Value)[] settings)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            data[key] = value;
        }

        return builder.AddInMemoryCollection(data);
    }
}
