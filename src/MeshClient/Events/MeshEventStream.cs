namespace MeshClient.Events;

/// <summary>Copy-on-write list of subscriptions; publishing is a lock-free walk of the current array.</summary>
internal sealed class MeshEventStream : IMeshEventStream
{
    private readonly Lock _gate = new();
    private MeshEventSubscription[] _subscriptions = [];
    private long _droppedByEnded;

    public long DroppedCount
    {
        get
        {
            // Drops of ended subscriptions stay counted, so that the total never goes down.
            var total = Interlocked.Read(ref _droppedByEnded);
            foreach (var subscription in Volatile.Read(ref _subscriptions))
            {
                total += subscription.DroppedCount;
            }

            return total;
        }
    }

    public void Publish(MeshEvent meshEvent)
    {
        ArgumentNullException.ThrowIfNull(meshEvent);
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.Deliver(meshEvent);
        }
    }

    public MeshEventSubscription Subscribe(int capacity = MeshEventStreamConstants.DefaultCapacity)
    {
        var subscription = new MeshEventSubscription(capacity, Unsubscribe);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    private void Unsubscribe(MeshEventSubscription subscription)
    {
        lock (_gate)
        {
            var remaining = Array.FindAll(_subscriptions, s => !ReferenceEquals(s, subscription));
            if (remaining.Length == _subscriptions.Length)
            {
                return;
            }

            _subscriptions = remaining;
            Interlocked.Add(ref _droppedByEnded, subscription.DroppedCount);
        }
    }
}
