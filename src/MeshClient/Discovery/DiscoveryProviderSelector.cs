using Microsoft.Extensions.Options;

namespace MeshClient.Discovery;

/// <summary>Picks the provider named by <c>Mesh:Discovery:Provider</c> and the static provider that serves configured instances.</summary>
internal sealed class DiscoveryProviderSelector
{
    public DiscoveryProviderSelector(IEnumerable<IServiceDiscoveryProvider> providers, IOptions<MeshOptions> options)
    {
        var all = providers.ToArray();
        var name = options.Value.Discovery.Provider;
        Active = Array.FindLast(all, p => options.Value.Discovery.IsActive(p.Name))
            ?? throw new OptionsValidationException(
                MeshConstants.SectionName,
                typeof(MeshOptions),
                [$"Mesh:Discovery:Provider: no provider named '{name}' is registered. Known: {string.Join(", ", all.Select(p => p.Name))}."]);
        Static = Array.FindLast(all, p => string.Equals(p.Name, DiscoveryConstants.StaticProvider, StringComparison.OrdinalIgnoreCase)) ?? Active;
    }

    /// <summary>Gets the provider named by <c>Mesh:Discovery:Provider</c>.</summary>
    public IServiceDiscoveryProvider Active { get; }

    /// <summary>Gets the provider of instances listed in configuration, which wins for the services that list them.</summary>
    public IServiceDiscoveryProvider Static { get; }
}
