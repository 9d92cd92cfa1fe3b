namespace MeshClient.Events;

/// <summary>
/// A registry became unreachable (<c>registry.unreachable</c>: its calls fail, the last good state is kept) or reachable
/// again (<c>registry.reachable</c>). Published on transitions only, by discovery and by self-registration.
/// </summary>
/// <param name="timestamp">When the change was seen.</param>
/// <param name="provider">The registry provider, for example <c>eureka</c>.</param>
/// <param name="reachable">Whether it is reachable now.</param>
/// <param name="reason">The last failure, one line and free of secrets; <see langword="null"/> when reachable.</param>
public sealed class RegistryReachabilityChangedEvent(DateTimeOffset timestamp, string provider, bool reachable, string? reason)
    : MeshEvent(timestamp, null, null)
{
    /// <inheritdoc />
    public override string Kind => Reachable ? "registry.reachable" : "registry.unreachable";

    /// <inheritdoc />
    public override MeshEventSeverity Severity => Reachable ? MeshEventSeverity.Info : MeshEventSeverity.Critical;

    /// <summary>Gets the registry provider.</summary>
    public string Provider { get; } = provider;

    /// <summary>Gets a value indicating whether the registry is reachable now.</summary>
    public bool Reachable { get; } = reachable;

    /// <summary>Gets the last failure, or <see langword="null"/> when reachable.</summary>
    public string? Reason { get; } = reason;
}
