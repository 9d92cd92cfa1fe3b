namespace MeshClient.Recovery;

/// <summary>One decision of the recovery engine, as kept in the journal and served at <c>/mesh/recovery</c>.</summary>
/// <param name="Sequence">Grows by one with every entry, from 1.</param>
/// <param name="Time">When the decision was made.</param>
/// <param name="Event">
/// What happened: <c>detected</c>, <c>matched</c>, <c>suppressed</c>, an action's journal verb (<c>ejected</c>,
/// <c>drained</c>, <c>restored</c>, <c>restarted</c>, ...), <c>verified</c>, <c>escalated</c>, <c>recovered</c> or <c>failed</c>.
/// </param>
/// <param name="Target">On whom: <c>service/instance</c>, <c>service</c>, or <c>self</c>.</param>
/// <param name="Policy">The policy.</param>
/// <param name="Action">The action concerned, if any.</param>
/// <param name="Rung">The rung of the ladder, from 0.</param>
/// <param name="Reason">Why (the guardrail that suppressed, the failure, the escalation), free of secrets.</param>
/// <param name="TriggerKind">The kind of the event that started the episode.</param>
public sealed record RecoveryJournalEntry(
    long Sequence, DateTimeOffset Time, string Event, string Target, string Policy, string? Action, int Rung, string? Reason, string TriggerKind);
