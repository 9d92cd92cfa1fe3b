using MeshClient.Consul.Discovery;
using MeshClient.Consul.Http;
using MeshClient.Registration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MeshClient.Consul.Health;

/// <summary>
/// Readiness (tag <c>ready</c>): unhealthy while no agent has ever answered (it probes <c>GET /v1/status/leader</c> then),
/// degraded while watches or registry calls fail (the last good instances are still served). The data name the agent,
/// never the token.
/// </summary>
internal sealed class ConsulHealthCheck(
    ConsulHttpClient http, ConsulWatchers watchers, IOptionsMonitor<ConsulOptions> options, IOptions<MeshOptions> mesh, IMeshRegistration? registration = null) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!mesh.Value.Discovery.IsActive(ConsulConstants.ProviderName))
        {
            // Referenced but not selected: no probe of an agent nobody uses.
            return HealthCheckResult.Healthy("Consul is not the active discovery provider; nothing to check.");
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal) { ["agent"] = http.CurrentAgent };
        if (registration is not null)
        {
            data["registration"] = registration.State.ToString();
        }

        if (http.Answers == 0 && !await ProbeAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The Consul agent has not been reached yet" + (http.LastError is { } e ? ": " + e : "."), data: data);
        }

        var watching = watchers.All;
        data["watchedServices"] = watching.Count;
        if (watching.FirstOrDefault(static w => w.LastError is not null) is { } failing)
        {
            return HealthCheckResult.Degraded($"Serving the last good instances of {failing.ServiceName}; the last Consul call failed: {failing.LastError}", data: data);
        }

        return registration?.State == RegistrationState.Failing
            ? HealthCheckResult.Degraded("Consul registration calls are failing; retrying with backoff.", data: data)
            : HealthCheckResult.Healthy("Consul agent reachable.", data);
    }

    private async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await http.SendAsync(new ConsulRequest(HttpMethod.Get, "v1/status/leader", options.CurrentValue.RequestTimeout), cancellationToken);
            return true;
        }
        catch (ConsulRequestException)
        {
            return false;
        }
    }
}
