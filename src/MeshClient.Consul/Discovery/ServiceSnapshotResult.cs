using MeshClient.Discovery;

namespace MeshClient.Consul.Discovery;

/// <summary>The last good answer of a watch: whether Consul listed any instance, and the routable ones.</summary>
internal sealed record ServiceSnapshotResult(bool Found, IReadOnlyList<ServiceInstance> Instances)
{
    public DiscoveryResult ToDiscoveryResult() => Found || Instances.Count > 0 ? DiscoveryResult.FromInstances(Instances) : DiscoveryResult.NotFound;
}
