namespace MeshClient.Recovery;

/// <summary>Starts actions for the coordinator; their completion comes back through <see cref="RecoveryCoordinator.OnActionCompleted"/>.</summary>
internal interface IRecoveryActionExecutor
{
    /// <summary>Starts the action without waiting for it.</summary>
    void Start(RecoveryExecution execution);
}

/// <summary>One run of one action.</summary>
/// <param name="Id">Identifies the run in its completion.</param>
/// <param name="Action">The action.</param>
/// <param name="Context">What the action gets.</param>
internal sealed record RecoveryExecution(long Id, IRecoveryAction Action, RecoveryActionContext Context);
