namespace MeshClient.Recovery.Tests.Fakes;

/// <summary>A user action that records its runs and succeeds (or fails when told to).</summary>
internal class FakeRecoveryAction(string name, RecoveryScope scope = RecoveryScope.Any, string verb = "acted") : IRecoveryAction
{
    private readonly TaskCompletionSource<RecoveryActionContext> _firstRun = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _runs;

    public string Name { get; } = name;

    public RecoveryScope Scope { get; } = scope;

    public string JournalVerb { get; } = verb;

    public bool Fail { get; set; }

    public int Runs => Volatile.Read(ref _runs);

    /// <summary>Gets a task that completes with the context of the first run.</summary>
    public Task<RecoveryActionContext> FirstRun => _firstRun.Task;

    public ValueTask<RecoveryActionResult> ExecuteAsync(RecoveryActionContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        _firstRun.TrySetResult(context);
        return ValueTask.FromResult(Fail ? RecoveryActionResult.Failure("told to fail") : RecoveryActionResult.Success());
    }
}

/// <summary>A fake built-in action, to check that a user action of the same name wins.</summary>
internal sealed class FakeBuiltInAction(string name, RecoveryScope scope = RecoveryScope.Any) : FakeRecoveryAction(name, scope, "built-in"), IBuiltInRecoveryAction;

/// <summary>A user action named <c>eject</c>, registered by type through <c>AddRecoveryAction&lt;T&gt;()</c>.</summary>
internal sealed class EjectUserAction() : FakeRecoveryAction("eject", RecoveryScope.Peer, "ejected");

/// <summary>An action that never completes and ignores its token, to check the engine's timeout.</summary>
internal sealed class HangingAction : IRecoveryAction
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "hang";

    public RecoveryScope Scope => RecoveryScope.Any;

    public string JournalVerb => "hung";

    public Task Started => _started.Task;

    public ValueTask<RecoveryActionResult> ExecuteAsync(RecoveryActionContext context, CancellationToken cancellationToken)
    {
        _started.TrySetResult();
        return new ValueTask<RecoveryActionResult>(new TaskCompletionSource<RecoveryActionResult>().Task);
    }
}
