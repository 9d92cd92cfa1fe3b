namespace MeshDemo.Registries;

/// <summary>The registries <c>--registry</c> can name.</summary>
internal static class DemoRegistries
{
    public const string Default = InMemoryDemoRegistry.RegistryName;

    public static IReadOnlyList<string> Names { get; } = [InMemoryDemoRegistry.RegistryName];

    public static IDemoRegistry Create(string name) => name.ToLowerInvariant() switch
    {
        InMemoryDemoRegistry.RegistryName => new InMemoryDemoRegistry(),
        _ => throw new ArgumentException($"'{name}' is not a registry (known: {string.Join(", ", Names)}).", nameof(name)),
    };
}
