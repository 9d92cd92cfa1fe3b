using MeshClient.Discovery;

namespace MeshClient.Registration;

/// <summary>What this process registers: its instance, tags and lease timings.</summary>
public sealed class ServiceRegistration
{
    /// <summary>Creates a registration.</summary>
    /// <param name="instance">The instance to register, with its status.</param>
    /// <param name="tags">Tags (Consul) or extra metadata keys (Eureka).</param>
    /// <param name="renewInterval">How often to renew.</param>
    /// <param name="leaseDuration">How long the registry keeps it without a renewal.</param>
    public ServiceRegistration(ServiceInstance instance, IReadOnlyList<string> tags, TimeSpan renewInterval, TimeSpan leaseDuration)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(tags);
        Instance = instance;
        Tags = tags;
        RenewInterval = renewInterval;
        LeaseDuration = leaseDuration;
    }

    /// <summary>Gets the instance to register, with its current status.</summary>
    public ServiceInstance Instance { get; }

    /// <summary>Gets the tags.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Gets how often to renew.</summary>
    public TimeSpan RenewInterval { get; }

    /// <summary>Gets how long the registry keeps the registration without a renewal.</summary>
    public TimeSpan LeaseDuration { get; }

    /// <summary>Returns a copy with another status.</summary>
    /// <param name="status">The new status.</param>
    /// <returns>The copy, or this when the status is the same.</returns>
    public ServiceRegistration WithStatus(InstanceStatus status)
        => status == Instance.Status ? this : new(Instance.WithStatus(status), Tags, RenewInterval, LeaseDuration);
}
