namespace MeshClient.Health;

/// <summary>
/// Operator and recovery control over instance health: eject or readmit one instance through the outlier machinery,
/// reset every breaker and ejection, and refetch the registry. Registered by <c>AddMeshClient</c>.
/// </summary>
public interface IInstanceHealthControl
{
    /// <summary>
    /// Ejects an instance from this client's balancing the way outlier detection does (ejection time = base × times
    /// ejected, capped; never beyond <see cref="OutlierDetectionOptions.MaxEjectionPercent"/>), and publishes
    /// <see cref="Events.InstanceEjectedEvent"/> with <paramref name="reason"/>.
    /// </summary>
    /// <param name="serviceName">The service.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="reason">Why, for logs, metrics and the event, for example <c>recovery</c>.</param>
    /// <returns>What happened.</returns>
    InstanceEjectionResult Eject(string serviceName, string instanceId, string reason);

    /// <summary>Ends an instance's ejection now and publishes <see cref="Events.InstanceReadmittedEvent"/>.</summary>
    /// <param name="serviceName">The service.</param>
    /// <param name="instanceId">The instance.</param>
    /// <returns><see langword="true"/> when the instance was ejected and is now back.</returns>
    bool Readmit(string serviceName, string instanceId);

    /// <summary>
    /// Resets this process's resilience state: ends every ejection and 429 penalty, clears the outlier counters and
    /// ejection multipliers, and closes every open circuit breaker.
    /// </summary>
    /// <returns>How many instances changed.</returns>
    int Reset();

    /// <summary>Refetches every known service from its discovery provider now.</summary>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    /// <returns>A task that completes when every refetch finished (a failed one keeps the last good instances).</returns>
    Task RefreshAsync(CancellationToken cancellationToken);
}
