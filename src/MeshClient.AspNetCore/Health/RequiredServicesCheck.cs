using System.Globalization;
using MeshClient.Discovery;
using MeshClient.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MeshClient.AspNetCore.Health;

/// <summary>
/// Readiness from the services this process cannot work without (<c>Mesh:Services:{name}:Required = true</c>): each
/// needs at least one eligible instance (Up, not ejected, breaker not open). The data map each such service to
/// <c>"eligible/total"</c>.
/// </summary>
internal sealed class RequiredServicesCheck(IServiceInstanceCache cache, IOptionsMonitor<MeshOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var (name, service) in options.CurrentValue.Services.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (!service.Required)
            {
                continue;
            }

            var (eligible, total) = await CountAsync(name, cancellationToken);
            data[name] = string.Create(CultureInfo.InvariantCulture, $"{eligible}/{total}");
            if (eligible == 0)
            {
                missing.Add(name);
            }
        }

        if (data.Count == 0)
        {
            return HealthCheckResult.Healthy("No required services.", data);
        }

        return missing.Count == 0
            ? HealthCheckResult.Healthy("Every required service has an eligible instance.", data)
            : HealthCheckResult.Unhealthy("No eligible instance of required service(s): " + string.Join(", ", missing) + ".", data: data);
    }

    private async ValueTask<(int Eligible, int Total)> CountAsync(string name, CancellationToken cancellationToken)
    {
        // Not tracked yet: the first fetch starts tracking it (a probe's timeout bounds the wait).
        if (!cache.TryGetSnapshot(name, out var snapshot))
        {
            snapshot = await cache.GetSnapshotAsync(name, cancellationToken);
        }

        if (snapshot is null)
        {
            return (0, 0);
        }

        var eligible = 0;
        foreach (var state in cache.GetInstanceStates(name))
        {
            // Warming (slow start) instances take traffic; penalised, breaker-open, ejected, failing or down ones do not.
            if (state.GetHealthReport().Health is InstanceHealthState.Healthy or InstanceHealthState.Warming)
            {
                eligible++;
            }
        }

        return (eligible, snapshot.Instances.Count);
    }
}
