using System.Text.Json.Serialization;
using MeshClient.Recovery;

namespace MeshDemo.SelfHeal;

/// <summary>
/// One entry of the merged journal of the caller and the self-healing instance, and its <c>--json</c> line:
/// <c>{"kind":"journal","time","event","target","action","reason"}</c>.
/// </summary>
/// <param name="Time">When the engine decided.</param>
/// <param name="Event">The decision or the action's verb: <c>detected</c>, <c>matched</c>, <c>ejected</c>, <c>drained</c>, ...</param>
/// <param name="Target">
/// Whom it concerns, from the viewpoint that journaled it: <c>ratings/ratings-3</c> for the caller's peer, <c>self (ratings-3)</c>
/// for the instance's own.
/// </param>
/// <param name="Action">The action of the rung, if the entry has one.</param>
/// <param name="Reason">The guardrail, the escalation or the action's detail, if any.</param>
/// <param name="Source">Which host journaled it, for ordering entries of the same time (tables and ordering only).</param>
/// <param name="Sequence">Its sequence in that host's journal (ordering only).</param>
internal sealed record JournalLine(
    DateTimeOffset Time,
    string Event,
    string Target,
    string? Action,
    string? Reason,
    [property: JsonIgnore] int Source,
    [property: JsonIgnore] long Sequence)
{
    /// <summary>Gets the JSON line's kind, <c>journal</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Kind => "journal";

    /// <summary>Merges journals (each newest first, as <see cref="IRecoveryController.GetJournal"/> returns them) oldest first.</summary>
    /// <param name="caller">The caller's journal.</param>
    /// <param name="instance">The instance's journals, of every run, with the run that wrote each entry.</param>
    /// <param name="instanceId">The instance's id, to name its <c>self</c> target.</param>
    /// <returns>The entries, oldest first.</returns>
    public static IReadOnlyList<JournalLine> Merge(
        IEnumerable<RecoveryJournalEntry> caller, IEnumerable<(int Incarnation, RecoveryJournalEntry Entry)> instance, string instanceId)
    {
        var callerLines = caller.Select(e => new JournalLine(e.Time, e.Event, e.Target, e.Action, e.Reason, 0, e.Sequence));
        var instanceLines = instance.Select(i => new JournalLine(
            i.Entry.Time, i.Entry.Event, i.Entry.Target == "self" ? $"self ({instanceId})" : i.Entry.Target, i.Entry.Action, i.Entry.Reason, i.Incarnation, i.Entry.Sequence));
        return [.. callerLines.Concat(instanceLines).OrderBy(l => l.Time).ThenBy(l => l.Source).ThenBy(l => l.Sequence)];
    }
}
