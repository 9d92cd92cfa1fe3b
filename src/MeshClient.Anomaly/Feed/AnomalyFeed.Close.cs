using MeshClient.Events;

namespace MeshClient.Anomaly;

/// <summary>The background side: closing a bucket, scoring it, expiring idle series. Never on the request path.</summary>
internal sealed partial class AnomalyFeed
{
    private readonly Lock _closeGate = new();
    private readonly long[] _latency = new long[AnomalyConstants.HistogramBuckets];
    private readonly Dictionary<string, int> _serviceInFlight = new(StringComparer.Ordinal);
    private readonly List<(SeriesAggregator Series, int Closes)> _expired = [];
    private readonly AnomalySeriesOptions _defaultSeries = new();
    private ActiveAnomaly[] _active = [];
    private long _buckets;

    /// <summary>Gets the anomalies that have not cleared yet.</summary>
    public IReadOnlyList<ActiveAnomaly> ActiveAnomalies => Volatile.Read(ref _active);

    /// <summary>Gets how many buckets closed.</summary>
    public long BucketsClosed => Interlocked.Read(ref _buckets);

    private void OnTimer()
    {
        try
        {
            CloseBucket();
        }
#pragma warning disable CA1031 // A timer callback must not throw; the next bucket tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.CloseFailed(_logger, ex);
        }
    }

    /// <summary>Closes the current bucket: one value per series and kind, scored, with events for changes.</summary>
    internal void CloseBucket()
    {
        lock (_closeGate)
        {
            var now = _time.GetUtcNow();
            Interlocked.Increment(ref _buckets);
            DrainExpired();
            SumInFlight();
            var changed = false;
            var idleLimit = Math.Max(1, (int)Math.Ceiling(_options.IdleExpiry / _options.BucketInterval));
            foreach (var (key, series) in _series)
            {
                var counts = series.TakeBucket(_latency);
                series.IdleBuckets = counts.Requests == 0 ? series.IdleBuckets + 1 : 0;
                if (series.IdleBuckets >= idleLimit)
                {
                    changed |= Expire(key, series, now);
                    continue;
                }

                var errorRate = counts.Requests > 0 ? Math.Clamp((double)counts.Errors / counts.Requests, 0, 1) : double.NaN;
                var inFlight = key.InstanceId is null ? _serviceInFlight.GetValueOrDefault(key.ServiceName) : series.Instance?.InFlight ?? 0;
                changed |= Evaluate(series, AnomalySeriesKind.ErrorRate, errorRate, now);
                changed |= Evaluate(series, AnomalySeriesKind.LatencyP99, LatencyHistogram.Quantile(_latency, counts.LatencyCount, 0.99), now);
                changed |= Evaluate(series, AnomalySeriesKind.Throughput, counts.Requests / _options.BucketInterval.TotalSeconds, now);
                changed |= Evaluate(series, AnomalySeriesKind.InFlight, key.Inbound ? double.NaN : inFlight, now);
            }

            if (changed)
            {
                Volatile.Write(ref _active, [.. _series.Values.SelectMany(s => s.Evaluators).Select(e => e?.Active).OfType<ActiveAnomaly>()]);
            }
        }
    }

    /// <summary>
    /// Outcomes that reached a series after it expired (a writer looked it up just before) are counted as dropped, for
    /// <see cref="AnomalyConstants.ExpiredDrainBuckets"/> closes after the expiry.
    /// </summary>
    private void DrainExpired()
    {
        for (var i = _expired.Count - 1; i >= 0; i--)
        {
            var (series, closes) = _expired[i];
            Interlocked.Add(ref _droppedOutcomes, series.TakeBucket(_latency).Requests);
            if (closes + 1 >= AnomalyConstants.ExpiredDrainBuckets)
            {
                _expired.RemoveAt(i);
            }
            else
            {
                _expired[i] = (series, closes + 1);
            }
        }
    }

    private void SumInFlight()
    {
        _serviceInFlight.Clear();
        foreach (var (key, series) in _series)
        {
            if (key.InstanceId is not null && series.Instance is { } instance)
            {
                _serviceInFlight[key.ServiceName] = _serviceInFlight.GetValueOrDefault(key.ServiceName) + instance.InFlight;
            }
        }
    }

    private bool Evaluate(SeriesAggregator series, AnomalySeriesKind kind, double value, DateTimeOffset now)
    {
        if (double.IsNaN(value))
        {
            return false;
        }

        var evaluator = series.Evaluators[(int)kind] ??= CreateEvaluator(series.Key, kind);
        switch (evaluator.Observe(now, value))
        {
            case AnomalyDetectedEvent detected:
                Log.Detected(_logger, kind, series.Key.Inbound ? "inbound" : "outbound", series.Key.ServiceName, series.Key.InstanceId, value, detected.Score, detected.Detector);
                _events.Publish(detected);
                return true;
            case AnomalyClearedEvent cleared:
                Log.Cleared(_logger, kind, series.Key.Inbound ? "inbound" : "outbound", series.Key.ServiceName, series.Key.InstanceId);
                _events.Publish(cleared);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Gets or sets a factory that replaces the configured detectors (tests), named <c>custom</c> on events.</summary>
    internal Func<SeriesKey, AnomalySeriesKind, IAnomalyDetector>? DetectorFactory { get; set; }

    private SeriesEvaluator CreateEvaluator(SeriesKey key, AnomalySeriesKind kind)
    {
        if (DetectorFactory is { } factory)
        {
            return new SeriesEvaluator(key, kind, factory(key, kind), "custom", AnomalyConstants.DefaultAlertScore, _options.ClearAfterBuckets, _options.WarmupBuckets);
        }

        var options = _options.Detectors.GetValueOrDefault(kind.ToString()) ?? _defaultSeries;
        var detector = AnomalyDetectorCatalog.Create(options);
        return new SeriesEvaluator(key, kind, detector, AnomalyDetectorCatalog.Canonical(options.Detector), options.AlertScore, _options.ClearAfterBuckets, _options.WarmupBuckets);
    }

    private bool Expire(SeriesKey key, SeriesAggregator series, DateTimeOffset now)
    {
        _series.TryRemove(key, out _);
        Interlocked.Decrement(ref _seriesCount);
        _expired.Add((series, 0));
        Log.Expired(_logger, key.ServiceName, key.InstanceId);
        var changed = false;
        foreach (var evaluator in series.Evaluators)
        {
            if (evaluator?.Clear(now) is { } cleared)
            {
                _events.Publish(cleared);
                changed = true;
            }
        }

        return changed;
    }
}
