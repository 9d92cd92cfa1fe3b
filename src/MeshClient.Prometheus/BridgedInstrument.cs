using System.Diagnostics.Metrics;
using System.Globalization;
using Prometheus;

namespace MeshClient.Prometheus;

/// <summary>One .NET instrument and the Prometheus metric it feeds, with the tag keys that become its labels, in order.</summary>
internal sealed class BridgedInstrument
{
    private readonly string[] _tagKeys;
    private readonly int _instanceIndex;
    private readonly InstanceLabelLimiter _instances;
    private readonly Action<string[], double> _record;

    private BridgedInstrument(string[] tagKeys, InstanceLabelLimiter instances, Action<string[], double> record)
    {
        _tagKeys = tagKeys;
        _instanceIndex = Array.IndexOf(tagKeys, PrometheusConstants.InstanceTag);
        _instances = instances;
        _record = record;
    }

    /// <summary>Creates the metric; returns <see langword="null"/> for instrument kinds that have no Prometheus form.</summary>
    public static BridgedInstrument? Create(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> firstTags, IMetricFactory factory, InstanceLabelLimiter instances)
    {
        var tagKeys = PrometheusConstants.KnownLabels.TryGetValue(instrument.Name, out var known) ? known : KeysOf(firstTags);
        var labels = Array.ConvertAll(tagKeys, MetricNaming.LabelName);
        var help = MetricNaming.Help(instrument);
        var type = instrument.GetType();
        var kind = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        Action<string[], double>? record = null;
        if (kind == typeof(Counter<>) || kind == typeof(ObservableCounter<>))
        {
            var counter = factory.CreateCounter(MetricNaming.MetricName(instrument, isCounter: true), help, labels);
            record = kind == typeof(Counter<>)
                ? (values, v) => counter.WithLabels(values).Inc(v)
                : (values, v) => counter.WithLabels(values).IncTo(v);
        }
        else if (kind == typeof(UpDownCounter<>))
        {
            var gauge = factory.CreateGauge(MetricNaming.MetricName(instrument, isCounter: false), help, labels);
            record = (values, v) => gauge.WithLabels(values).Inc(v);
        }
        else if (kind == typeof(ObservableGauge<>) || kind == typeof(ObservableUpDownCounter<>) || kind == typeof(Gauge<>))
        {
            var gauge = factory.CreateGauge(MetricNaming.MetricName(instrument, isCounter: false), help, labels);
            record = (values, v) => gauge.WithLabels(values).Set(v);
        }
        else if (kind == typeof(Histogram<>))
        {
            var histogram = factory.CreateHistogram(MetricNaming.MetricName(instrument, isCounter: false), help, labels, new HistogramConfiguration
            {
                Buckets = BucketsOf(instrument),
            });
            record = (values, v) => histogram.WithLabels(values).Observe(v);
        }

        return record is null ? null : new BridgedInstrument(tagKeys, instances, record);
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var values = new string[_tagKeys.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = string.Empty;
        }

        foreach (var (key, raw) in tags)
        {
            var index = Array.IndexOf(_tagKeys, key);
            if (index >= 0)
            {
                values[index] = Convert.ToString(raw, CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }

        if (_instanceIndex >= 0)
        {
            values[_instanceIndex] = _instances.Map(values[_instanceIndex]);
        }

        _record(values, value);
    }

    private static string[] KeysOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var keys = new string[tags.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = tags[i].Key;
        }

        Array.Sort(keys, StringComparer.Ordinal);
        return keys;
    }

    private static double[]? BucketsOf(Instrument instrument) => instrument switch
    {
        Histogram<double> h => h.Advice?.HistogramBucketBoundaries?.ToArray(),
        Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(static b => (double)b).ToArray(),
        _ => null,
    };
}
