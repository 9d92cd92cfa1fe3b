namespace MeshClient.Recovery;

/// <summary><c>webhook</c>: POSTs the recovery document to <c>Mesh:Recovery:Webhook:Url</c> so that automation can act.</summary>
internal sealed class WebhookAction(WebhookSender sender) : IBuiltInRecoveryAction
{
    public string Name => BuiltInActionConstants.Webhook;

    public RecoveryScope Scope => RecoveryScope.Any;

    public string JournalVerb => BuiltInActionConstants.Notified;

    public ValueTask<RecoveryActionResult> ExecuteAsync(RecoveryActionContext context, CancellationToken cancellationToken)
        => sender.SendAsync(Name, context, cancellationToken);
}
