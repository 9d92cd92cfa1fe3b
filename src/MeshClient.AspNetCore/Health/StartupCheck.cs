using MeshClient.Discovery;
using MeshClient.Registration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MeshClient.AspNetCore.Health;

/// <summary>
/// Startup (tag <c>startup</c>): passes once the host has started and, when this process registers itself, the first
/// registration attempt has ended (registered, or failing and retrying in the background).
/// </summary>
internal sealed class StartupCheck(
    IHostApplicationLifetime lifetime,
    IOptions<MeshOptions> options,
    IEnumerable<IServiceDiscoveryProvider> providers,
    IMeshRegistration registration) : IHealthCheck
{
    private readonly bool _registers = options.Value.Registration.Enabled
        ?? providers.LastOrDefault(p => string.Equals(p.Name, options.Value.Discovery.Provider, StringComparison.OrdinalIgnoreCase))?.IsRegistry
        ?? false;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The host has not started yet."));
        }

        return Task.FromResult(!_registers || registration.State is RegistrationState.Registered or RegistrationState.Failing or RegistrationState.Deregistered
            ? HealthCheckResult.Healthy("Started.")
            : HealthCheckResult.Unhealthy("Waiting for the first registration attempt."));
    }
}
