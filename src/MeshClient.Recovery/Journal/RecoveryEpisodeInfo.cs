namespace MeshClient.Recovery;

/// <summary>A snapshot of an open episode, as listed at <c>/mesh/recovery</c>.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="Target">On whom: <c>service/instance</c>, <c>service</c>, or <c>self</c>.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Rung">The current rung of the ladder, from 0.</param>
/// <param name="Action">The current rung's action.</param>
/// <param name="Since">When the condition was first seen.</param>
/// <param name="TriggerKind">The kind of the event that started it.</param>
/// <param name="Deadline">When verification ends, while verifying.</param>
/// <param name="SuppressedBy">The guardrail that last held it back, while pending.</param>
public sealed record RecoveryEpisodeInfo(
    string Policy, string Target, RecoveryEpisodeState State, int Rung, string Action, DateTimeOffset Since, string TriggerKind, DateTimeOffset? Deadline, string? SuppressedBy);
