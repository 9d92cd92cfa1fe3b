using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshClient.Recovery;

/// <summary>
/// <c>restart</c>: fails the <c>recovery-liveness</c> check so the orchestrator restarts the container, or stops the host
/// with <see cref="RecoveryRestartOptions.ExitCode"/> for systemd and other supervisors (<see cref="RecoveryRestartOptions.Mode"/>).
/// </summary>
internal sealed partial class RestartAction(
    SelfRecoveryState state, IOptionsMonitor<RecoveryRestartOptions> options, ILogger<RestartAction> logger) : IBuiltInRecoveryAction
{
    public string Name => BuiltInActionConstants.Restart;

    public RecoveryScope Scope => RecoveryScope.Self;

    public string JournalVerb => BuiltInActionConstants.Restarted;

    public ValueTask<RecoveryActionResult> ExecuteAsync(RecoveryActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = options.CurrentValue;
        if (current.Mode == RestartMode.FailLiveness)
        {
            state.RestartRequested = true;
            Log.LivenessFailed(logger, context.PolicyName);
            return new(RecoveryActionResult.Success($"liveness check '{BuiltInActionConstants.LivenessCheckName}' fails; the orchestrator restarts the container."));
        }

        if (context.Services.GetService<IHostApplicationLifetime>() is not { } lifetime)
        {
            return new(RecoveryActionResult.Failure("restart (StopHost) needs IHostApplicationLifetime: this process runs no generic host."));
        }

        Log.StoppingHost(logger, context.PolicyName, current.ExitCode);
        Environment.ExitCode = current.ExitCode;
        lifetime.StopApplication();
        return new(RecoveryActionResult.Success($"host stopping with exit code {current.ExitCode}."));
    }
}
