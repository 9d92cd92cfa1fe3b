namespace MeshClient.Resilience;

/// <summary>
/// The retry budget of one service, as Finagle's and Linkerd's: over a sliding window of slots, retries may not exceed
/// ratio × requests + floor × seconds. The floor accrues from the budget's creation, up to one window, so that a fleet
/// restarting into a dead service does not start with a burst of retries. A deposit is one atomic increment; a
/// withdrawal (only on failures) takes a short lock.
/// </summary>
internal sealed class RetryBudget
{
    private readonly TimeProvider _time;
    private readonly long _created;
    private readonly Slot[] _slots = new Slot[ResilienceConstants.BudgetSlots];
    private readonly Lock _gate = new();

    public RetryBudget(TimeProvider time)
    {
        _time = time;
        _created = time.GetTimestamp();
    }

    /// <summary>Counts one request (not a retry).</summary>
    public void Deposit(long timestamp, RetryBudgetOptions options)
    {
        ref var slot = ref Current(timestamp, options);
        Interlocked.Increment(ref slot.Requests);
    }

    /// <summary>Takes one retry from the budget when it has one.</summary>
    public bool TryWithdraw(long timestamp, RetryBudgetOptions options)
    {
        lock (_gate)
        {
            var epoch = Epoch(timestamp, options);
            long requests = 0;
            long retries = 0;
            foreach (ref var slot in _slots.AsSpan())
            {
                if (epoch - Volatile.Read(ref slot.Epoch) < _slots.Length)
                {
                    requests += Interlocked.Read(ref slot.Requests);
                    retries += Interlocked.Read(ref slot.Retries);
                }
            }

            var accrued = Math.Min(_time.GetElapsedTime(_created, timestamp).TotalSeconds, options.Window.TotalSeconds);
            var allowance = (options.RetryRatio * requests) + (options.MinRetriesPerSecond * Math.Max(0, accrued));
            if (retries + 1 > allowance)
            {
                return false;
            }

            Interlocked.Increment(ref Current(timestamp, options).Retries);
            return true;
        }
    }

    private long Epoch(long timestamp, RetryBudgetOptions options)
    {
        var slotTicks = Math.Max(1, (long)(options.Window.TotalSeconds * _time.TimestampFrequency / _slots.Length));
        return (timestamp - _created) / slotTicks;
    }

    private ref Slot Current(long timestamp, RetryBudgetOptions options)
    {
        var epoch = Epoch(timestamp, options);
        ref var slot = ref _slots[(int)(epoch % _slots.Length)];
        if (Volatile.Read(ref slot.Epoch) != epoch)
        {
            lock (_gate)
            {
                if (slot.Epoch != epoch)
                {
                    Volatile.Write(ref slot.Requests, 0);
                    Volatile.Write(ref slot.Retries, 0);
                    Volatile.Write(ref slot.Epoch, epoch);
                }
            }
        }

        return ref slot;
    }

    private struct Slot
    {
        public long Epoch;
        public long Requests;
        public long Retries;
    }
}
