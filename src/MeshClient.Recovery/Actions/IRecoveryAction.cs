namespace MeshClient.Recovery;

/// <summary>
/// A recovery action that a policy's escalation ladder names. Built-in actions are <c>migrate</c>, <c>drain-self</c>,
/// <c>restore</c>, <c>restart</c>, <c>scale-out</c> and <c>webhook</c>; user code adds its own through
/// <c>AddRecoveryAction&lt;T&gt;()</c>, and an action registered with a built-in name replaces it.
/// </summary>
public interface IRecoveryAction
{
    /// <summary>Gets the name policies use, lower case, for example <c>restart</c>.</summary>
    string Name { get; }

    /// <summary>Gets whom the action acts on: a peer instance this process calls, or this process.</summary>
    RecoveryScope Scope { get; }

    /// <summary>
    /// Gets the journal verb written when the action has run, for example <c>ejected</c>, <c>drained</c>,
    /// <c>restored</c> or <c>restarted</c>.
    /// </summary>
    string JournalVerb { get; }

    /// <summary>Runs the action once. The engine guards, times out, journals and verifies it; the action only acts.</summary>
    /// <param name="context">What triggered it and on whom to act.</param>
    /// <param name="cancellationToken">Cancels the action (timeout or shutdown).</param>
    /// <returns>Whether it acted.</returns>
    ValueTask<RecoveryActionResult> ExecuteAsync(RecoveryActionContext context, CancellationToken cancellationToken);
}
