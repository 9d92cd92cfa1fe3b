using MeshClient.Eureka.Discovery;
using MeshClient.Eureka.Http;
using MeshClient.Registration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MeshClient.Eureka.Health;

/// <summary>
/// Readiness (tag <c>ready</c>): unhealthy until the registry has been fetched once, degraded while fetches or registry
/// calls fail (the last good registry is still served). The data name the service URL with credentials redacted.
/// </summary>
internal sealed class EurekaHealthCheck(
    EurekaRegistryPoller poller, EurekaHttpClient http, IOptionsMonitor<EurekaOptions> options, IMeshRegistration? registration = null) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!poller.IsActive)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Eureka is not the active discovery provider; nothing to check."));
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal) { ["serviceUrl"] = http.CurrentUrl };
        if (registration is not null)
        {
            data["registration"] = registration.State.ToString();
        }

        if (options.CurrentValue.ShouldFetchRegistry)
        {
            var registry = poller.Registry;
            if (registry is null)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy(
                    "The Eureka registry has not been fetched yet" + (poller.LastError is { } e ? ": " + e : "."), data: data));
            }

            data["applications"] = registry.Apps.Count;
            data["instances"] = registry.InstanceCount;
            if (poller.LastError is { } error)
            {
                return Task.FromResult(HealthCheckResult.Degraded("Serving the last good Eureka registry; the last fetch failed: " + error, data: data));
            }
        }

        return Task.FromResult(registration?.State == RegistrationState.Failing
            ? HealthCheckResult.Degraded("Eureka registration calls are failing; retrying with backoff.", data: data)
            : HealthCheckResult.Healthy("Eureka registry reachable.", data));
    }
}
