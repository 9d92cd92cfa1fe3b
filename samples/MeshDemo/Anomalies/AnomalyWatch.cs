using MeshClient.Anomaly;
using MeshClient.Events;

namespace MeshDemo.Anomalies;

/// <summary>
/// Subscribes to one caller's <see cref="IMeshEventStream"/> and keeps every <see cref="AnomalyDetectedEvent"/> its
/// anomaly feed raised for an instance of one service (the service-wide series are left out: the target is per instance).
/// </summary>
internal sealed class AnomalyWatch : IDisposable
{
    /// <summary>Far more events than a phase publishes (a few per bucket at most), so none is dropped.</summary>
    private const int Capacity = 16_384;

    private readonly MeshEventSubscription _subscription;
    private readonly string _serviceName;
    private readonly List<AnomalyDetectedEvent> _detected = [];

    private AnomalyWatch(IMeshEventStream events, string serviceName)
    {
        _subscription = events.Subscribe(Capacity);
        _serviceName = serviceName;
    }

    public static AnomalyWatch Start(IMeshEventStream events, string serviceName) => new(events, serviceName);

    /// <summary>Reads the events published so far and returns every instance anomaly raised since the start.</summary>
    /// <returns>The detections, in the order they were published.</returns>
    public IReadOnlyList<AnomalyDetectedEvent> Detected()
    {
        while (_subscription.Reader.TryRead(out var meshEvent))
        {
            if (meshEvent is AnomalyDetectedEvent detected && detected.InstanceId is not null
                && string.Equals(detected.ServiceName, _serviceName, StringComparison.Ordinal))
            {
                _detected.Add(detected);
            }
        }

        return _detected;
    }

    public void Dispose() => _subscription.Dispose();
}
