namespace MeshClient.Events;

/// <summary>A typed event on the in-process mesh event stream.</summary>
/// <remarks>Events are immutable. Later packages add their own kinds (anomaly detected, instance ejected, recovery actions).</remarks>
public abstract class MeshEvent
{
    /// <summary>Creates an event.</summary>
    /// <param name="timestamp">When it happened, from the mesh's <see cref="TimeProvider"/>.</param>
    /// <param name="serviceName">The service it concerns, if any.</param>
    /// <param name="instanceId">The instance it concerns, if any.</param>
    protected MeshEvent(DateTimeOffset timestamp, string? serviceName, string? instanceId)
    {
        Timestamp = timestamp;
        ServiceName = serviceName;
        InstanceId = instanceId;
    }

    /// <summary>Gets the kind of event as a stable, dotted name, for example <c>discovery.instances-changed</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>Gets how serious the event is.</summary>
    public virtual MeshEventSeverity Severity => MeshEventSeverity.Info;

    /// <summary>Gets when it happened.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the service it concerns, if any.</summary>
    public string? ServiceName { get; }

    /// <summary>Gets the instance it concerns, if any.</summary>
    public string? InstanceId { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Timestamp:O} {Kind} {ServiceName}/{InstanceId} ({Severity})";
}
