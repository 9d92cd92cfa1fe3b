using MeshClient.Events;

namespace MeshDemo.Observation;

/// <summary>
/// Subscribes to one caller's <see cref="IMeshEventStream"/> from the start of a run and finds its first
/// <see cref="InstanceEjectedEvent"/>: which instance, and how long after the start.
/// </summary>
internal sealed class EjectionWatch : IDisposable
{
    /// <summary>Far more events than a bounded run publishes, so the first ejection is never the one dropped.</summary>
    private const int Capacity = 16_384;

    private readonly MeshEventSubscription _subscription;
    private readonly DateTimeOffset _started;

    private EjectionWatch(IMeshEventStream events, TimeProvider time)
    {
        _subscription = events.Subscribe(Capacity);
        _started = time.GetUtcNow();
    }

    public static EjectionWatch Start(IMeshEventStream events, TimeProvider time) => new(events, time);

    /// <summary>Reads the events published so far and returns the first ejection, if there was one.</summary>
    /// <returns>The instance ejected first and the milliseconds from the start to its ejection, or <see langword="null"/>.</returns>
    public (string Instance, double AfterMs)? FirstEjection()
    {
        while (_subscription.Reader.TryRead(out var meshEvent))
        {
            if (meshEvent is InstanceEjectedEvent ejected)
            {
                return (ejected.InstanceId ?? "?", Math.Max(0, (ejected.Timestamp - _started).TotalMilliseconds));
            }
        }

        return null;
    }

    public void Dispose() => _subscription.Dispose();
}
