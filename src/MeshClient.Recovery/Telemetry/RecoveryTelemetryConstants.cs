namespace MeshClient.Recovery;

/// <summary>The meter, instruments and tag keys of the recovery engine.</summary>
internal static class RecoveryTelemetryConstants
{
    public const string MeterName = "MeshClient.Recovery";
    public const string Decisions = "mesh.client.recovery.decisions";
    public const string ActionDuration = "mesh.client.recovery.action.duration";
    public const string ActionsActive = "mesh.client.recovery.actions.active";
    public const string DecisionTag = "decision";
    public const string ActionTag = "action";
    public const string ReasonTag = "reason";
    public const string OutcomeTag = "outcome";
    public const string Executed = "executed";
}
