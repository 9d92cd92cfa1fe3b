namespace MeshClient.Discovery;

/// <summary>What a discovery provider answered for one service.</summary>
public readonly struct DiscoveryResult
{
    private readonly IReadOnlyList<ServiceInstance>? _instances;

    private DiscoveryResult(bool found, IReadOnlyList<ServiceInstance> instances)
    {
        Found = found;
        _instances = instances;
    }

    /// <summary>Gets a result saying that the provider does not know the service.</summary>
    public static DiscoveryResult NotFound => new(false, []);

    /// <summary>Gets a value indicating whether the provider knows the service.</summary>
    public bool Found { get; }

    /// <summary>Gets the instances, whatever their status. Empty when the service is not found.</summary>
    public IReadOnlyList<ServiceInstance> Instances => _instances ?? [];

    /// <summary>Creates a result for a known service.</summary>
    /// <param name="instances">Its instances, whatever their status (may be empty).</param>
    /// <returns>The result.</returns>
    public static DiscoveryResult FromInstances(IReadOnlyList<ServiceInstance> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        return new(true, instances);
    }
}
