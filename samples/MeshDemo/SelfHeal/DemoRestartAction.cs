using MeshClient.Recovery;

namespace MeshDemo.SelfHeal;

/// <summary>
/// The demo's <c>restart</c> (registered with <c>AddRecoveryAction</c>, so it replaces the built-in one): it asks the
/// demo's supervisor to restart this in-process instance, as the built-in <c>StopHost</c> mode asks systemd by exiting.
/// The supervisor waits for the journal to record <c>restarted</c>, stops this host (it deregisters) and starts a fresh
/// one on the same port, healthy, which registers Up.
/// </summary>
/// <param name="signal">This incarnation's line to the supervisor.</param>
internal sealed class DemoRestartAction(RestartSignal signal) : IRecoveryAction
{
    public const string ActionName = "restart";

    public string Name => ActionName;

    public RecoveryScope Scope => RecoveryScope.Self;

    public string JournalVerb => "restarted";

    public ValueTask<RecoveryActionResult> ExecuteAsync(RecoveryActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(signal.Raise(context.PolicyName)
            ? RecoveryActionResult.Success("the supervisor stops this host and starts a fresh one on the same port")
            : RecoveryActionResult.Success("a restart is already under way"));
    }
}
