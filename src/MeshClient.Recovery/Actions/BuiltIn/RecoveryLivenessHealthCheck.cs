using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MeshClient.Recovery;

/// <summary>The <c>recovery-liveness</c> check: Unhealthy once <c>restart</c> (mode FailLiveness) asked the orchestrator for a restart.</summary>
internal sealed class RecoveryLivenessHealthCheck(SelfRecoveryState state) : IHealthCheck
{
    private static readonly Task<HealthCheckResult> Live = Task.FromResult(HealthCheckResult.Healthy());
    private static readonly Task<HealthCheckResult> RestartRequested = Task.FromResult(HealthCheckResult.Unhealthy("restart requested by recovery"));

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => state.RestartRequested ? RestartRequested : Live;
}
