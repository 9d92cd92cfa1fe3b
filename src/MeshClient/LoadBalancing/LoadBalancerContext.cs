namespace MeshClient.LoadBalancing;

/// <summary>What a balancer needs to build a picker.</summary>
public sealed class LoadBalancerContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="serviceName">The service.</param>
    /// <param name="instances">The eligible instances (status, health and zone filters already applied).</param>
    /// <param name="options">The balancing settings of the service.</param>
    /// <param name="random">The source of randomness.</param>
    public LoadBalancerContext(string serviceName, IReadOnlyList<InstanceState> instances, LoadBalancingOptions options, MeshRandom random)
    {
        ServiceName = serviceName;
        Instances = instances;
        Options = options;
        Random = random;
    }

    /// <summary>Gets the service.</summary>
    public string ServiceName { get; }

    /// <summary>Gets the eligible instances.</summary>
    public IReadOnlyList<InstanceState> Instances { get; }

    /// <summary>Gets the balancing settings of the service.</summary>
    public LoadBalancingOptions Options { get; }

    /// <summary>Gets the source of randomness (seeded in tests).</summary>
    public MeshRandom Random { get; }
}
