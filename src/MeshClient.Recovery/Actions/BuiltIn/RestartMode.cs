namespace MeshClient.Recovery;

/// <summary>How the <c>restart</c> recovery action restarts this process.</summary>
public enum RestartMode
{
    /// <summary>
    /// Fail the <c>recovery-liveness</c> health check (tagged <c>live</c>), so that the orchestrator's liveness probe
    /// (Kubernetes <c>livenessProbe</c> on <c>/health/live</c>) restarts the container.
    /// </summary>
    FailLiveness,

    /// <summary>
    /// Set <see cref="Environment.ExitCode"/> to <see cref="RecoveryRestartOptions.ExitCode"/> and stop the host gracefully,
    /// so that a supervisor (systemd <c>Restart=on-failure</c>, a container restart policy) starts it again.
    /// </summary>
    StopHost,
}
