using MeshClient.Discovery;
using MeshClient.Health;
using MeshClient.Registration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeshClient.Recovery;

/// <summary>
/// <c>restore</c>: resets this process's resilience state (breakers, ejections, penalties), refetches the registry,
/// undoes <c>drain-self</c> and a failed liveness, then runs every <see cref="IRecoveryRestoreCallback"/>. Each step runs
/// even when an earlier one failed; the action fails when any did.
/// </summary>
internal sealed partial class RestoreAction(
    IMeshRegistration registration, SelfRecoveryState state, IEnumerable<IRecoveryRestoreCallback> callbacks, ILogger<RestoreAction> logger)
    : IBuiltInRecoveryAction
{
    private readonly IRecoveryRestoreCallback[] _callbacks = [.. callbacks];

    public string Name => BuiltInActionConstants.Restore;

    public RecoveryScope Scope => RecoveryScope.Self;

    public string JournalVerb => BuiltInActionConstants.Restored;

    public async ValueTask<RecoveryActionResult> ExecuteAsync(RecoveryActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var failures = new List<string>();
        var reset = 0;
        if (context.Services.GetService<IInstanceHealthControl>() is { } control)
        {
            reset = control.Reset();
            await RunAsync("registry refresh", control, static (c, _, ct) => new ValueTask(c.RefreshAsync(ct)), context, failures, cancellationToken).ConfigureAwait(false);
        }

        state.RestartRequested = false;
        if (state.Drained || registration.Current?.Instance.Status == InstanceStatus.OutOfService)
        {
            await RunAsync("registry status Up", registration, static (r, _, ct) => new ValueTask(r.SetStatusAsync(InstanceStatus.Up, ct)), context, failures, cancellationToken).ConfigureAwait(false);
            state.Drained = false;
        }

        foreach (var callback in _callbacks)
        {
            await RunAsync(Describe(callback), callback, static (c, ctx, ct) => c.RestoreAsync(ctx, ct), context, failures, cancellationToken).ConfigureAwait(false);
        }

        var summary = $"{reset} instance(s) reset, {_callbacks.Length} callback(s) run";
        return failures.Count == 0
            ? RecoveryActionResult.Success(summary + ".")
            : RecoveryActionResult.Failure($"{summary}; failed: {string.Join(", ", failures)}.");
    }

    private static string Describe(IRecoveryRestoreCallback callback)
        => callback is DelegateRestoreCallback ? callback.ToString()! : callback.GetType().Name;

    private async ValueTask RunAsync<T>(
        string step, T target, Func<T, RecoveryActionContext, CancellationToken, ValueTask> run, RecoveryActionContext context, List<string> failures, CancellationToken cancellationToken)
    {
        try
        {
            await run(target, context, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed step must not stop the others; it fails the action.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // The exception's message may carry secrets (connection strings); only its type is logged.
            Log.StepFailed(logger, step, ex.GetType().Name);
            failures.Add($"{step} ({ex.GetType().Name})");
        }
    }
}
