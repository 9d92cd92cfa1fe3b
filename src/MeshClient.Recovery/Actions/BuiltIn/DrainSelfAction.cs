using MeshClient.Discovery;
using MeshClient.Registration;

namespace MeshClient.Recovery;

/// <summary>
/// <c>drain-self</c>: marks this process out of service in its registry (Eureka <c>OUT_OF_SERVICE</c> override, Consul
/// maintenance or a critical TTL check) and fails the <c>recovery</c> readiness check, so callers and orchestrators move
/// traffic away. Readiness fails first, so that traffic leaves even when the registry is unreachable.
/// </summary>
internal sealed class DrainSelfAction(IMeshRegistration registration, SelfRecoveryState state) : IBuiltInRecoveryAction
{
    public string Name => BuiltInActionConstants.DrainSelf;

    public RecoveryScope Scope => RecoveryScope.Self;

    public string JournalVerb => BuiltInActionConstants.Drained;

    public async ValueTask<RecoveryActionResult> ExecuteAsync(RecoveryActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        state.Drained = true;
        if (registration.State is RegistrationState.Disabled)
        {
            return RecoveryActionResult.Success("readiness fails; this process does not register itself.");
        }

        await registration.SetStatusAsync(InstanceStatus.OutOfService, cancellationToken).ConfigureAwait(false);
        return RecoveryActionResult.Success(registration.State == RegistrationState.Registered
            ? "readiness fails; registry status OutOfService."
            : $"readiness fails; OutOfService is pushed at registration (now {registration.State}).");
    }
}
