using MeshClient.Registration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MeshClient.AspNetCore.Health;

/// <summary>
/// Readiness from self-registration: not ready while registering for the first time or after deregistration; degraded
/// (still ready) while registry calls fail after a registration, so that a registry outage does not take every instance
/// out of Kubernetes Services too.
/// </summary>
internal sealed class RegistrationReadinessCheck(IMeshRegistration registration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(registration.State switch
        {
            RegistrationState.Registered => HealthCheckResult.Healthy("Registered."),
            RegistrationState.Disabled => HealthCheckResult.Healthy("Self-registration is off or has not started."),
            RegistrationState.Failing => HealthCheckResult.Degraded("Registry calls are failing; retrying with backoff."),
            RegistrationState.Registering => HealthCheckResult.Unhealthy("Registering."),
            _ => HealthCheckResult.Unhealthy("Deregistered."),
        });
}
