using System.Collections.Frozen;

namespace MeshClient.LoadBalancing;

/// <summary>The registered balancers by name, case-insensitive; the last registration of a name wins.</summary>
internal sealed class LoadBalancerRegistry
{
    private readonly FrozenDictionary<string, ILoadBalancer> _byName;

    public LoadBalancerRegistry(IEnumerable<ILoadBalancer> balancers)
    {
        var byName = new Dictionary<string, ILoadBalancer>(StringComparer.OrdinalIgnoreCase);
        foreach (var balancer in balancers)
        {
            byName[balancer.Name] = balancer;
        }

        _byName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<string> Names => _byName.Keys;

    public bool TryGet(string name, out ILoadBalancer balancer) => _byName.TryGetValue(name, out balancer!);
}
