using MeshClient.Events;

namespace MeshClient.Recovery;

/// <summary>One call into the coordinator, queued so that all calls run one at a time on the engine's loop.</summary>
internal abstract class RecoveryCommand
{
    public abstract void Apply(RecoveryCoordinator coordinator);

    public sealed class Event(MeshEvent meshEvent) : RecoveryCommand
    {
        public override void Apply(RecoveryCoordinator coordinator) => coordinator.OnEvent(meshEvent);
    }

    public sealed class Tick : RecoveryCommand
    {
        public static readonly Tick Instance = new();

        public override void Apply(RecoveryCoordinator coordinator) => coordinator.OnTick();
    }

    public sealed class Completed(long executionId, RecoveryActionResult result) : RecoveryCommand
    {
        public override void Apply(RecoveryCoordinator coordinator) => coordinator.OnActionCompleted(executionId, result);
    }

    public sealed class Reset(string? target) : RecoveryCommand
    {
        public override void Apply(RecoveryCoordinator coordinator)
        {
            if (target is null)
            {
                coordinator.ResetAll();
            }
            else
            {
                coordinator.Reset(target);
            }
        }
    }
}
