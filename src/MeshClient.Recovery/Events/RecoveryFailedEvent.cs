using MeshClient.Events;

namespace MeshClient.Recovery;

/// <summary>A policy's ladder is exhausted and the condition still holds: nothing more runs on the target until it clears or is reset.</summary>
/// <param name="timestamp">When the ladder ran out.</param>
/// <param name="target">The target.</param>
/// <param name="policy">The policy.</param>
/// <param name="lastAction">The last rung's action.</param>
/// <param name="reason">Why the last rung did not help, free of secrets.</param>
public sealed class RecoveryFailedEvent(DateTimeOffset timestamp, RecoveryTarget target, string policy, string lastAction, string? reason)
    : MeshEvent(timestamp, target.ServiceName, target.InstanceId)
{
    /// <inheritdoc />
    public override string Kind => "recovery.failed";

    /// <inheritdoc />
    public override MeshEventSeverity Severity => MeshEventSeverity.Critical;

    /// <summary>Gets the target.</summary>
    public RecoveryTarget Target { get; } = target;

    /// <summary>Gets the policy.</summary>
    public string Policy { get; } = policy;

    /// <summary>Gets the last rung's action.</summary>
    public string LastAction { get; } = lastAction;

    /// <summary>Gets why the last rung did not help.</summary>
    public string? Reason { get; } = reason;
}
