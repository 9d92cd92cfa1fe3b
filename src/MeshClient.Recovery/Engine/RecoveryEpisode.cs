using MeshClient.Events;

namespace MeshClient.Recovery;

/// <summary>One policy's treatment of one target, from the first matching event until it clears (mutable, coordinator-owned).</summary>
internal sealed class RecoveryEpisode(long id, RecoveryPolicy policy, RecoveryTarget target, string targetKey, MeshEvent trigger, DateTimeOffset since)
{
    public long Id { get; } = id;

    public RecoveryPolicy Policy { get; } = policy;

    public RecoveryTarget Target { get; } = target;

    public string TargetKey { get; } = targetKey;

    public MeshEvent Trigger { get; } = trigger;

    public DateTimeOffset Since { get; set; } = since;

    public RecoveryEpisodeState State { get; set; }

    public int Rung { get; set; }

    public bool HasActed { get; set; }

    public bool ConditionActive { get; set; } = true;

    public long ExecutionId { get; set; }

    public DateTimeOffset Deadline { get; set; }

    public string? SuppressedBy { get; set; }

    /// <summary>The guardrail reasons already journaled for this episode, so a suppression is journaled once, not every tick.</summary>
    public HashSet<string> JournaledSuppressions { get; } = new(StringComparer.Ordinal);

    public IRecoveryAction Action => Policy.Ladder[Math.Min(Rung, Policy.Ladder.Count - 1)];

    public string IdempotencyKey => $"{Policy.Name}:{TargetKey}:{Since.ToUnixTimeMilliseconds()}-{Id}:{Rung}";

    public RecoveryEpisodeInfo ToInfo()
        => new(Policy.Name, TargetKey, State, Rung, Action.Name, Since, Trigger.Kind, State == RecoveryEpisodeState.Verifying ? Deadline : null, SuppressedBy);
}
