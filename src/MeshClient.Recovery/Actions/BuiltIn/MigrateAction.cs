using MeshClient.Health;
using Microsoft.Extensions.DependencyInjection;

namespace MeshClient.Recovery;

/// <summary>
/// <c>migrate</c>: ejects a peer instance from this client's balancing through the outlier machinery (bounded by
/// <c>MaxEjectionPercent</c>). Once the local zone has too few eligible instances, zone preference spills to the others.
/// </summary>
internal sealed class MigrateAction : IBuiltInRecoveryAction
{
    public string Name => BuiltInActionConstants.Migrate;

    public RecoveryScope Scope => RecoveryScope.Peer;

    public string JournalVerb => BuiltInActionConstants.Ejected;

    public ValueTask<RecoveryActionResult> ExecuteAsync(RecoveryActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (_, service, instance) = context.Target;
        if (string.IsNullOrEmpty(service) || string.IsNullOrEmpty(instance))
        {
            return new(RecoveryActionResult.Failure($"migrate needs a peer instance target, got '{context.Target}'."));
        }

        if (context.Services.GetService<IInstanceHealthControl>() is not { } control)
        {
            return new(RecoveryActionResult.Failure("migrate needs IInstanceHealthControl, which AddMeshClient registers."));
        }

        return new(control.Eject(service, instance, BuiltInActionConstants.EjectReason) switch
        {
            InstanceEjectionResult.Ejected => RecoveryActionResult.Success($"{service}/{instance} ejected."),
            InstanceEjectionResult.AlreadyEjected => RecoveryActionResult.Success($"{service}/{instance} was already ejected."),
            InstanceEjectionResult.MaxEjectionPercentReached => RecoveryActionResult.Failure(
                $"{service}/{instance} stays in: ejecting it would exceed the service's OutlierDetection:MaxEjectionPercent."),
            InstanceEjectionResult.UnknownInstance => RecoveryActionResult.Failure($"{service}/{instance} is not known to this client."),
            var other => RecoveryActionResult.Failure($"{service}/{instance}: unexpected ejection result {other}."),
        });
    }
}
