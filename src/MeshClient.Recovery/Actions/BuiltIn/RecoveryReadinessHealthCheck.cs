using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MeshClient.Recovery;

/// <summary>The <c>recovery</c> readiness check: Unhealthy while <c>drain-self</c> holds this process drained.</summary>
internal sealed class RecoveryReadinessHealthCheck(SelfRecoveryState state) : IHealthCheck
{
    private static readonly Task<HealthCheckResult> Ready = Task.FromResult(HealthCheckResult.Healthy());
    private static readonly Task<HealthCheckResult> Drained = Task.FromResult(HealthCheckResult.Unhealthy("drained by recovery"));

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => state.Drained ? Drained : Ready;
}
