namespace MeshClient.Recovery;

/// <summary>
/// User code the <c>restore</c> action runs after it reset MeshClient's own state: reload a checkpoint, clear a cache,
/// reconnect a client. Register it with <c>AddRecoveryRestoreCallback</c>. A callback that throws makes the action fail,
/// but the other callbacks still run.
/// </summary>
public interface IRecoveryRestoreCallback
{
    /// <summary>Restores what this callback owns.</summary>
    /// <param name="context">The action's context: trigger, policy, rung and idempotency key.</param>
    /// <param name="cancellationToken">Cancels the callback (the action's timeout or shutdown).</param>
    /// <returns>A task that completes when restored.</returns>
    ValueTask RestoreAsync(RecoveryActionContext context, CancellationToken cancellationToken);
}
