using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Prometheus;

namespace MeshClient.Prometheus;

/// <summary>
/// Feeds the MeshClient meters and ASP.NET Core's hosting and Kestrel meters of this application (meters created by its
/// <see cref="IMeterFactory"/>, so two hosts in one process never mix) into a registry of their own. prometheus-net's
/// meter adapter is not used: it exports counters as gauges without <c>_total</c>, cannot drop or bound labels and adds
/// its own gauge named <c>*_total</c>, none of which passes <c>promtool check metrics</c>.
/// </summary>
internal sealed class MeterBridge : IDisposable
{
    private readonly IMeterFactory _meterFactory;
    private readonly IMetricFactory _factory;
    private readonly InstanceLabelLimiter _instances;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, BridgedInstrument?> _instruments = new();
    private volatile bool _disposed;

    public MeterBridge(IMeterFactory meterFactory, IOptions<MeshPrometheusOptions> options)
    {
        _meterFactory = meterFactory;
        Registry = Metrics.NewCustomRegistry();
        _factory = Metrics.WithCustomRegistry(Registry);
        _instances = new InstanceLabelLimiter(options.Value);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (Accepts(instrument))
            {
                listener.EnableMeasurementEvents(instrument, this);
            }
        };
        _listener.SetMeasurementEventCallback<byte>(static (i, v, t, s) => ((MeterBridge)s!).Record(i, v, t));
        _listener.SetMeasurementEventCallback<short>(static (i, v, t, s) => ((MeterBridge)s!).Record(i, v, t));
        _listener.SetMeasurementEventCallback<int>(static (i, v, t, s) => ((MeterBridge)s!).Record(i, v, t));
        _listener.SetMeasurementEventCallback<long>(static (i, v, t, s) => ((MeterBridge)s!).Record(i, v, t));
        _listener.SetMeasurementEventCallback<float>(static (i, v, t, s) => ((MeterBridge)s!).Record(i, v, t));
        _listener.SetMeasurementEventCallback<double>(static (i, v, t, s) => ((MeterBridge)s!).Record(i, v, t));
        _listener.SetMeasurementEventCallback<decimal>(static (i, v, t, s) => ((MeterBridge)s!).Record(i, (double)v, t));
        _listener.Start();
        Registry.AddBeforeCollectCallback(() =>
        {
            if (!_disposed)
            {
                _listener.RecordObservableInstruments();
            }
        });
    }

    /// <summary>Gets the registry <c>/metrics</c> serves; it has none of prometheus-net's default collectors.</summary>
    public CollectorRegistry Registry { get; }

    public void Dispose()
    {
        _disposed = true;
        _listener.Dispose();
    }

    private bool Accepts(Instrument instrument)
    {
        var meter = instrument.Meter;
        if (!ReferenceEquals(meter.Scope, _meterFactory))
        {
            return false;
        }

        return meter.Name == PrometheusConstants.MeshMeterPrefix
            || meter.Name.StartsWith(PrometheusConstants.MeshMeterPrefix + ".", StringComparison.Ordinal)
            || Array.IndexOf(PrometheusConstants.AspNetCoreMeters, meter.Name) >= 0;
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!_instruments.TryGetValue(instrument, out var bridged))
        {
            bridged = _instruments.GetOrAdd(instrument, BridgedInstrument.Create(instrument, tags, _factory, _instances));
        }

        bridged?.Record(value, tags);
    }
}
