using System.Threading.Channels;

namespace MeshClient.Events;

/// <summary>A subscription to the mesh event stream; read <see cref="Reader"/> and dispose when done.</summary>
public sealed class MeshEventSubscription : IDisposable
{
    private readonly Channel<MeshEvent> _channel;
    private readonly Action<MeshEventSubscription> _unsubscribe;
    private long _dropped;

    internal MeshEventSubscription(int capacity, Action<MeshEventSubscription> unsubscribe)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _unsubscribe = unsubscribe;
        _channel = Channel.CreateBounded<MeshEvent>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = false, SingleWriter = false },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Gets the reader of the events delivered to this subscription.</summary>
    public ChannelReader<MeshEvent> Reader => _channel.Reader;

    /// <summary>Gets how many events this subscription dropped because it was full.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <inheritdoc />
    public void Dispose()
    {
        _unsubscribe(this);
        _channel.Writer.TryComplete();
    }

    internal void Deliver(MeshEvent meshEvent) => _channel.Writer.TryWrite(meshEvent);
}
