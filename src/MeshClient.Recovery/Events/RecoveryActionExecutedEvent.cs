using MeshClient.Events;

namespace MeshClient.Recovery;

/// <summary>A recovery action ran (successfully or not).</summary>
/// <param name="timestamp">When it ended.</param>
/// <param name="target">On whom it acted.</param>
/// <param name="policy">The policy.</param>
/// <param name="action">The action's name.</param>
/// <param name="rung">The rung of the ladder, from 0.</param>
/// <param name="succeeded">Whether it acted.</param>
/// <param name="detail">One line from the action, free of secrets.</param>
public sealed class RecoveryActionExecutedEvent(DateTimeOffset timestamp, RecoveryTarget target, string policy, string action, int rung, bool succeeded, string? detail)
    : MeshEvent(timestamp, target.ServiceName, target.InstanceId)
{
    /// <inheritdoc />
    public override string Kind => "recovery.action-executed";

    /// <inheritdoc />
    public override MeshEventSeverity Severity => Succeeded ? MeshEventSeverity.Warning : MeshEventSeverity.Critical;

    /// <summary>Gets on whom it acted.</summary>
    public RecoveryTarget Target { get; } = target;

    /// <summary>Gets the policy.</summary>
    public string Policy { get; } = policy;

    /// <summary>Gets the action's name.</summary>
    public string Action { get; } = action;

    /// <summary>Gets the rung of the ladder, from 0.</summary>
    public int Rung { get; } = rung;

    /// <summary>Gets a value indicating whether it acted.</summary>
    public bool Succeeded { get; } = succeeded;

    /// <summary>Gets one line from the action.</summary>
    public string? Detail { get; } = detail;
}
