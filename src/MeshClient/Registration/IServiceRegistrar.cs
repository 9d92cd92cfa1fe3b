using MeshClient.Discovery;

namespace MeshClient.Registration;

/// <summary>Registers this process with a registry. Implemented by InMemory, Eureka and Consul; driven by the hosted lifecycle.</summary>
public interface IServiceRegistrar
{
    /// <summary>Gets the name of the provider this registrar belongs to (<c>Mesh:Discovery:Provider</c>).</summary>
    string Name { get; }

    /// <summary>Registers (or re-registers) the instance.</summary>
    /// <param name="registration">What to register.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the registry accepted it.</returns>
    Task RegisterAsync(ServiceRegistration registration, CancellationToken cancellationToken);

    /// <summary>Renews the lease (heartbeat).</summary>
    /// <param name="registration">The current registration.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the registry no longer knows the instance, so that the lifecycle re-registers it.</returns>
    Task<bool> RenewAsync(ServiceRegistration registration, CancellationToken cancellationToken);

    /// <summary>Pushes a status change the way the registry honours it.</summary>
    /// <param name="registration">The registration, already carrying the new status.</param>
    /// <param name="status">The new status.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the registry accepted it.</returns>
    Task SetStatusAsync(ServiceRegistration registration, InstanceStatus status, CancellationToken cancellationToken);

    /// <summary>Removes the registration.</summary>
    /// <param name="registration">The registration.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the registry removed it.</returns>
    Task DeregisterAsync(ServiceRegistration registration, CancellationToken cancellationToken);
}
