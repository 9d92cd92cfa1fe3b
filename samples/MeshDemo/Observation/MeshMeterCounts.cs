using System.Diagnostics.Metrics;
using MeshClient.Telemetry;

namespace MeshDemo.Observation;

/// <summary>
/// Counts, from the moment it starts, what one caller's <c>MeshClient</c> meter reports: <c>mesh.client.retries</c> (retries
/// made; those the budget refused are not retries), <c>mesh.client.ejections</c> and <c>mesh.client.hedges</c> (hedged
/// attempts started; 0 while hedging is off, its default). Only the caller's meter is heard (<see cref="Meter.Scope"/> is its
/// <see cref="IMeterFactory"/>): the instances run MeshClient in the same process too.
/// </summary>
internal sealed class MeshMeterCounts : IDisposable
{
    private const string Refused = "budget_exhausted";
    private readonly MeterListener _listener = new();
    private long _retries;
    private long _ejections;
    private long _hedges;

    private MeshMeterCounts(IMeterFactory callerMeters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, callerMeters) && instrument.Meter.Name == MeshTelemetryConstants.MeterName
                && instrument.Name is MeshTelemetryConstants.Retries or MeshTelemetryConstants.Ejections or MeshTelemetryConstants.Hedges)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument.Name, value, tags));
        _listener.Start();
    }

    public long Retries => Interlocked.Read(ref _retries);

    public long Ejections => Interlocked.Read(ref _ejections);

    public long HedgeCount => Interlocked.Read(ref _hedges);

    /// <summary>Starts counting the measurements of the caller whose meters <paramref name="callerMeters"/> creates.</summary>
    public static MeshMeterCounts Start(IMeterFactory callerMeters) => new(callerMeters);

    public void Dispose() => _listener.Dispose();

    private void Add(string instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // Retry decisions the budget refused are measured too, tagged mesh.result=budget_exhausted: they are not retries.
        foreach (var tag in tags)
        {
            if (tag.Key == MeshTelemetryConstants.ResultTag && tag.Value is Refused)
            {
                return;
            }
        }

        switch (instrument)
        {
            case MeshTelemetryConstants.Retries:
                Interlocked.Add(ref _retries, value);
                break;
            case MeshTelemetryConstants.Ejections:
                Interlocked.Add(ref _ejections, value);
                break;
            default:
                Interlocked.Add(ref _hedges, value);
                break;
        }
    }
}
