using MeshClient.Discovery.Static;
using MeshClient.Health;
using MeshClient.LoadBalancing;
using MeshClient.Resilience;

namespace MeshClient;

/// <summary>Settings of one service, bound from <c>Mesh:Services:{name}</c>.</summary>
public sealed class MeshServiceOptions
{
    /// <summary>
    /// Gets the static instances (<c>Mesh:Services:{name}:Instances:{i}</c>): each entry is a URL string or an object with
    /// <c>Url</c>, <c>Weight</c>, <c>Zone</c>, <c>Status</c>, <c>Metadata</c>. When present they are used whatever the provider.
    /// </summary>
    public IList<StaticInstanceOptions> Instances { get; } = [];

    /// <summary>Gets or sets the load balancer name (<c>Mesh:Services:{name}:LoadBalancer</c>); <see langword="null"/> uses <c>Mesh:LoadBalancer</c>.</summary>
    public string? LoadBalancer { get; set; }

    /// <summary>Gets or sets balancing settings for this service; <see langword="null"/> uses <c>Mesh:Balancing</c>.</summary>
    public LoadBalancingOptions? Balancing { get; set; }

    /// <summary>Gets or sets zone preference for this service; <see langword="null"/> uses <c>Mesh:ZonePreference</c>.</summary>
    public ZonePreferenceOptions? ZonePreference { get; set; }

    /// <summary>Gets or sets the resilience of calls to this service; <see langword="null"/> uses <c>Mesh:Resilience</c>.</summary>
    public ResilienceOptions? Resilience { get; set; }

    /// <summary>Gets or sets the per-instance health of this service; <see langword="null"/> uses <c>Mesh:Health</c>.</summary>
    public HealthOptions? Health { get; set; }

    /// <summary>Gets or sets a value indicating whether this process needs the service to be ready (used by readiness probes).</summary>
    public bool Required { get; set; }
}
