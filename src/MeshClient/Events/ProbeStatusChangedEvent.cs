namespace MeshClient.Events;

/// <summary>
/// This process's own readiness or liveness changed. <see cref="Kind"/> is <c>readiness.failed</c>,
/// <c>readiness.passed</c>, <c>liveness.failed</c> or <c>liveness.passed</c>.
/// </summary>
/// <param name="timestamp">When the change was seen.</param>
/// <param name="serviceName">This process's service name, if known.</param>
/// <param name="instanceId">This process's instance id, if known.</param>
/// <param name="probe">Which probe: <see cref="ProbeStatusChangedEvent.Readiness"/> or <see cref="ProbeStatusChangedEvent.Liveness"/>.</param>
/// <param name="healthy">Whether the probe passes now.</param>
/// <param name="reason">The failing checks' names, or <see langword="null"/> when it passes; free of secrets.</param>
public sealed class ProbeStatusChangedEvent(DateTimeOffset timestamp, string? serviceName, string? instanceId, string probe, bool healthy, string? reason)
    : MeshEvent(timestamp, serviceName, instanceId)
{
    /// <summary>The readiness probe's name.</summary>
    public const string Readiness = "readiness";

    /// <summary>The liveness probe's name.</summary>
    public const string Liveness = "liveness";

    /// <inheritdoc />
    public override string Kind => Healthy ? (Probe == Liveness ? "liveness.passed" : "readiness.passed") : (Probe == Liveness ? "liveness.failed" : "readiness.failed");

    /// <inheritdoc />
    public override MeshEventSeverity Severity => Healthy ? MeshEventSeverity.Info : MeshEventSeverity.Critical;

    /// <summary>Gets the probe: <see cref="Readiness"/> or <see cref="Liveness"/>.</summary>
    public string Probe { get; } = probe;

    /// <summary>Gets a value indicating whether the probe passes now.</summary>
    public bool Healthy { get; } = healthy;

    /// <summary>Gets the failing checks' names, or <see langword="null"/> when it passes.</summary>
    public string? Reason { get; } = reason;
}
