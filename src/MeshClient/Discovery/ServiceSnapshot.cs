namespace MeshClient.Discovery;

/// <summary>An immutable, versioned view of the instances of one service at one moment.</summary>
public sealed class ServiceSnapshot
{
    /// <summary>Creates a snapshot.</summary>
    /// <param name="serviceName">The logical service name.</param>
    /// <param name="version">A number that grows with every change of the instance set.</param>
    /// <param name="instances">The instances, in the order the provider returned them.</param>
    /// <param name="updatedAt">When this snapshot was taken.</param>
    /// <param name="source">The name of the provider that produced it.</param>
    public ServiceSnapshot(string serviceName, long version, IReadOnlyList<ServiceInstance> instances, DateTimeOffset updatedAt, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        ArgumentNullException.ThrowIfNull(instances);
        ServiceName = serviceName;
        Version = version;
        Instances = instances;
        UpdatedAt = updatedAt;
        Source = source;
    }

    /// <summary>Gets the logical service name.</summary>
    public string ServiceName { get; }

    /// <summary>Gets a number that grows with every change of the instance set.</summary>
    public long Version { get; }

    /// <summary>Gets every instance the provider returned, whatever its status.</summary>
    public IReadOnlyList<ServiceInstance> Instances { get; }

    /// <summary>Gets when this snapshot was taken.</summary>
    public DateTimeOffset UpdatedAt { get; }

    /// <summary>Gets the name of the provider that produced the snapshot.</summary>
    public string Source { get; }

    /// <summary>Tells whether another instance list has the same content as this snapshot, in any order.</summary>
    /// <param name="instances">The list to compare.</param>
    /// <returns><see langword="true"/> when both hold equal instances.</returns>
    public bool HasSameInstances(IReadOnlyList<ServiceInstance> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        if (instances.Count != Instances.Count)
        {
            return false;
        }

        var byId = new Dictionary<string, ServiceInstance>(Instances.Count, StringComparer.Ordinal);
        foreach (var instance in Instances)
        {
            byId[instance.InstanceId] = instance;
        }

        foreach (var instance in instances)
        {
            if (!byId.TryGetValue(instance.InstanceId, out var existing) || !existing.Equals(instance))
            {
                return false;
            }
        }

        return true;
    }
}
