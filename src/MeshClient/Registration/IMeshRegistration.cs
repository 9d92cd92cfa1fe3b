using MeshClient.Discovery;

namespace MeshClient.Registration;

/// <summary>Controls this process's own registration: status pushes (readiness, drain) and deregistration.</summary>
public interface IMeshRegistration
{
    /// <summary>Gets the lifecycle state.</summary>
    RegistrationState State { get; }

    /// <summary>Gets the current registration, once the address is known.</summary>
    ServiceRegistration? Current { get; }

    /// <summary>Sets the status this instance reports; pushed at once when registered, else at registration.</summary>
    /// <param name="status">The new status.</param>
    /// <param name="cancellationToken">Cancels the push.</param>
    /// <returns>A task that completes when the registry accepted it (or it was queued until registration).</returns>
    Task SetStatusAsync(InstanceStatus status, CancellationToken cancellationToken);

    /// <summary>Deregisters now and stops renewing.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the registry removed the registration.</returns>
    Task DeregisterAsync(CancellationToken cancellationToken);
}
