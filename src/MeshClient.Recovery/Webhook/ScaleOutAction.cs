namespace MeshClient.Recovery;

/// <summary>
/// <c>scale-out</c>: POSTs the recovery document with <c>requestedAction = "scale-out"</c> to <c>Mesh:Recovery:Webhook:Url</c>;
/// only an orchestrator can add replicas, so the receiver (an operator, a CI job) does it.
/// </summary>
internal sealed class ScaleOutAction(WebhookSender sender) : IBuiltInRecoveryAction
{
    public string Name => BuiltInActionConstants.ScaleOut;

    public RecoveryScope Scope => RecoveryScope.Any;

    public string JournalVerb => BuiltInActionConstants.ScaledOut;

    public ValueTask<RecoveryActionResult> ExecuteAsync(RecoveryActionContext context, CancellationToken cancellationToken)
        => sender.SendAsync(Name, context, cancellationToken);
}
