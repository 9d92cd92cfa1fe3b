namespace MeshClient.Events;

/// <summary>The in-process stream of typed mesh events: bounded, and never blocking the publisher.</summary>
public interface IMeshEventStream
{
    /// <summary>Gets how many events were dropped because a subscriber's buffer was full.</summary>
    long DroppedCount { get; }

    /// <summary>Publishes an event to every current subscriber without waiting; a full subscriber drops its oldest event.</summary>
    /// <param name="meshEvent">The event.</param>
    void Publish(MeshEvent meshEvent);

    /// <summary>Subscribes to events published from now on.</summary>
    /// <param name="capacity">How many unread events the subscription buffers before it drops the oldest.</param>
    /// <returns>The subscription; dispose it to stop receiving.</returns>
    MeshEventSubscription Subscribe(int capacity = MeshEventStreamConstants.DefaultCapacity);
}
