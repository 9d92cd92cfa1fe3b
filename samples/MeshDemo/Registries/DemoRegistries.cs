namespace MeshDemo.Registries;

/// <summary>The registries <c>--registry</c> can name.</summary>
internal static class DemoRegistries
{
    public const string Default = InMemoryDemoRegistry.RegistryName;

    public static IReadOnlyList<string> Names { get; } = [InMemoryDemoRegistry.RegistryName, EurekaDemoRegistry.RegistryName, ConsulDemoRegistry.RegistryName];

    /// <summary>Creates the registry and starts its server, if it has one.</summary>
    public static async Task<IDemoRegistry> CreateAsync(string name, CancellationToken cancellationToken) => name.ToLowerInvariant() switch
    {
        InMemoryDemoRegistry.RegistryName => new InMemoryDemoRegistry(),
        EurekaDemoRegistry.RegistryName => await EurekaDemoRegistry.StartAsync(cancellationToken),
        ConsulDemoRegistry.RegistryName => await ConsulDemoRegistry.StartAsync(cancellationToken),
        _ => throw new ArgumentException($"'{name}' is not a registry (known: {string.Join(", ", Names)}).", nameof(name)),
    };
}
