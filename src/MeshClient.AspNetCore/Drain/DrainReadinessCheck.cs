using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MeshClient.AspNetCore.Drain;

/// <summary>Readiness (tag <c>ready</c>): Unhealthy from the moment the host starts stopping, so that no new traffic is routed here.</summary>
internal sealed class DrainReadinessCheck(GracefulDrain drain) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(drain.IsDraining
            ? HealthCheckResult.Unhealthy("Draining: the host is shutting down.")
            : HealthCheckResult.Healthy("Serving."));
}
