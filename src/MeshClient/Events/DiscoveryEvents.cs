namespace MeshClient.Events;

/// <summary>The instance set of a service changed.</summary>
public sealed class InstancesChangedEvent : MeshEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="timestamp">When the change was seen.</param>
    /// <param name="serviceName">The service.</param>
    /// <param name="version">The new snapshot version.</param>
    /// <param name="instanceCount">How many instances the service has now.</param>
    /// <param name="added">How many instances were added.</param>
    /// <param name="removed">How many instances left.</param>
    public InstancesChangedEvent(DateTimeOffset timestamp, string serviceName, long version, int instanceCount, int added, int removed)
        : base(timestamp, serviceName, null)
    {
        Version = version;
        InstanceCount = instanceCount;
        Added = added;
        Removed = removed;
    }

    /// <inheritdoc />
    public override string Kind => "discovery.instances-changed";

    /// <summary>Gets the new snapshot version.</summary>
    public long Version { get; }

    /// <summary>Gets how many instances the service has now.</summary>
    public int InstanceCount { get; }

    /// <summary>Gets how many instances were added.</summary>
    public int Added { get; }

    /// <summary>Gets how many instances left.</summary>
    public int Removed { get; }
}

/// <summary>Discovery of a service failed; the last good instances are kept.</summary>
public sealed class DiscoveryFailedEvent : MeshEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="timestamp">When the failure happened.</param>
    /// <param name="serviceName">The service.</param>
    /// <param name="provider">The provider that failed.</param>
    /// <param name="reason">A one-line reason, free of secrets.</param>
    public DiscoveryFailedEvent(DateTimeOffset timestamp, string serviceName, string provider, string reason)
        : base(timestamp, serviceName, null)
    {
        Provider = provider;
        Reason = reason;
    }

    /// <inheritdoc />
    public override string Kind => "discovery.failed";

    /// <inheritdoc />
    public override MeshEventSeverity Severity => MeshEventSeverity.Warning;

    /// <summary>Gets the provider that failed.</summary>
    public string Provider { get; }

    /// <summary>Gets a one-line reason, free of secrets.</summary>
    public string Reason { get; }
}
