namespace MeshClient.Events;

/// <summary>Copy-on-write list of subscriptions; publishing is a lock-free walk of the current array.</summary>
internal sealed class MeshEventStream : IMeshEventStream
{
    private readonly Lock _gate = new();
    private MeshEventSubscription[] _subscriptions = [];

    public long DroppedCount
    {
        get
        {
            long total = 0;
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
            _subscriptions = Array.FindAll(_subscriptions, s => !ReferenceEquals(s, subscription));
        }
    }
}
