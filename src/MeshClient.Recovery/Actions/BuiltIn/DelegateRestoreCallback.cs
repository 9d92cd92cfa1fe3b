namespace MeshClient.Recovery;

/// <summary>A restore callback given as a delegate.</summary>
internal sealed class DelegateRestoreCallback(Func<RecoveryActionContext, CancellationToken, ValueTask> restore) : IRecoveryRestoreCallback
{
    public ValueTask RestoreAsync(RecoveryActionContext context, CancellationToken cancellationToken) => restore(context, cancellationToken);

    public override string ToString() => "delegate " + restore.Method.Name;
}
