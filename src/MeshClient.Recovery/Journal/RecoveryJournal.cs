namespace MeshClient.Recovery;

/// <summary>The bounded journal of decisions: written by the coordinator, read by anyone (newest first).</summary>
internal sealed class RecoveryJournal(int capacity)
{
    private readonly Queue<RecoveryJournalEntry> _entries = new(Math.Min(capacity, 1024));
    private readonly Lock _lock = new();
    private long _sequence;

    public RecoveryJournalEntry Add(DateTimeOffset time, string @event, string target, string policy, string? action, int rung, string? reason, string triggerKind)
    {
        lock (_lock)
        {
            var entry = new RecoveryJournalEntry(++_sequence, time, @event, target, policy, action, rung, reason, triggerKind);
            if (_entries.Count == capacity)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(entry);
            return entry;
        }
    }

    public IReadOnlyList<RecoveryJournalEntry> Snapshot()
    {
        lock (_lock)
        {
            var entries = _entries.ToArray();
            Array.Reverse(entries);
            return entries;
        }
    }
}
