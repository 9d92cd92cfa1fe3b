using MeshClient.Events;

namespace MeshClient.Registration;

/// <summary>The self-registration lifecycle changed state.</summary>
public sealed class RegistrationStateChangedEvent : MeshEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="timestamp">When it changed.</param>
    /// <param name="serviceName">The registered service.</param>
    /// <param name="instanceId">The registered instance.</param>
    /// <param name="state">The new state.</param>
    /// <param name="reason">Why, for failures; free of secrets.</param>
    public RegistrationStateChangedEvent(DateTimeOffset timestamp, string serviceName, string instanceId, RegistrationState state, string? reason)
        : base(timestamp, serviceName, instanceId)
    {
        State = state;
        Reason = reason;
    }

    /// <inheritdoc />
    public override string Kind => "registration.state-changed";

    /// <inheritdoc />
    public override MeshEventSeverity Severity => State == RegistrationState.Failing ? MeshEventSeverity.Warning : MeshEventSeverity.Info;

    /// <summary>Gets the new state.</summary>
    public RegistrationState State { get; }

    /// <summary>Gets why, for failures.</summary>
    public string? Reason { get; }
}
