using MeshClient.Events;

namespace MeshClient.Anomaly;

/// <summary>The background side: closing a bucket, scoring it, expiring idle series. Never on the request path.</summary>
internal sealed partial class AnomalyFeed
{
    private readonly Lock _closeGate = new();
    private readonly long[] _latency = new long[AnomalyConstants.HistogramBuckets];
    private readonly Dictionary<string, int> _serviceInFlight = new(StringComparer.Ordinal);
    private readonly List<(SeriesAggregator Series, int Closes)> _expired = [];
    private readonly AnomalySeriesOptions _plainSeries = new();
    private readonly List<SeriesAggregator> _closing = [];
    private readonly PeerGroups _peers = new();
    private AnomalySeriesOptions[]? _kindOptions;
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
            var kinds = _kindOptions ??= [.. Enum.GetValues<AnomalySeriesKind>().Select(SeriesOptions)];
            _closing.Clear();
            _peers.Clear();
            foreach (var (key, series) in _series)
            {
                var counts = series.TakeBucket(_latency);
                series.IdleBuckets = counts.Requests == 0 ? series.IdleBuckets + 1 : 0;
                if (series.IdleBuckets >= idleLimit)
                {
                    changed |= Expire(key, series, now);
                    continue;
                }

                var values = series.BucketValues;
                var inFlight = key.InstanceId is null ? _serviceInFlight.GetValueOrDefault(key.ServiceName) : series.Instance?.InFlight ?? 0;
                values[(int)AnomalySeriesKind.ErrorRate] = counts.Requests > 0 ? Math.Clamp((double)counts.Errors / counts.Requests, 0, 1) : double.NaN;
                values[(int)AnomalySeriesKind.LatencyP99] = LatencyHistogram.Quantile(_latency, counts.LatencyCount, 0.99);
                values[(int)AnomalySeriesKind.Throughput] = counts.Requests / _options.BucketInterval.TotalSeconds;
                values[(int)AnomalySeriesKind.InFlight] = key.Inbound ? double.NaN : inFlight;
                values.CopyTo(series.PeerValues, 0);
                series.PeerValues[(int)AnomalySeriesKind.LatencyP99] = LatencyHistogram.Quantile(_latency, counts.LatencyCount, PeerConstants.LatencyQuantile);
                series.BucketRequests = counts.Requests;
                _closing.Add(series);
                if (IsPeerSeries(key))
                {
                    for (var k = 0; k < values.Length; k++)
                    {
                        if (!double.IsNaN(series.PeerValues[k]) && counts.Requests >= kinds[k].Peers.MinRequests)
                        {
                            _peers.Add(key.ServiceName, (AnomalySeriesKind)k, series.PeerValues[k]);
                        }
                    }
                }
            }

            // Every instance's values are in before any is judged, so that each is compared with its peers of the same bucket.
            _peers.Seal();
            foreach (var series in _closing)
            {
                for (var k = 0; k < series.BucketValues.Length; k++)
                {
                    changed |= Evaluate(series, (AnomalySeriesKind)k, series.BucketValues[k], now);
                }
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

    /// <summary>Outbound instance series are compared with the other instances of their service; service-wide and inbound series have no peers here.</summary>
    private static bool IsPeerSeries(SeriesKey key) => key.InstanceId is not null && !key.Inbound;

    private bool Evaluate(SeriesAggregator series, AnomalySeriesKind kind, double value, DateTimeOffset now)
    {
        if (double.IsNaN(value))
        {
            return false;
        }

        var evaluator = series.Evaluators[(int)kind] ??= CreateEvaluator(series.Key, kind);
        var requests = series.BucketRequests;
        var peerValue = series.PeerValues[(int)kind];
        var peers = evaluator.Peers.Enabled && IsPeerSeries(series.Key)
            ? _peers.MedianOfOthers(series.Key.ServiceName, kind, peerValue, ownIncluded: requests >= evaluator.Peers.MinRequests)
            : default;
        switch (evaluator.Observe(now, value, requests, peerValue, peers))
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
            return new SeriesEvaluator(key, kind, factory(key, kind), "custom", _plainSeries, 0, _options.ClearAfterBuckets, _options.WarmupBuckets);
        }

        var options = SeriesOptions(kind);

        // Instance series of a kind the balancer decides (throughput, in-flight) run no detector by default: see AnomalyInstanceAlerting.None.
        IAnomalyDetector? detector = null;
        var cooldown = 0;
        if (key.InstanceId is null || options.InstanceAlerting != AnomalyInstanceAlerting.None)
        {
            detector = AnomalyDetectorCatalog.CreateForFeed(options, out cooldown);
        }

        return new SeriesEvaluator(key, kind, detector, AnomalyDetectorCatalog.Canonical(options.Detector), options, cooldown, _options.ClearAfterBuckets, _options.WarmupBuckets);
    }

    private AnomalySeriesOptions SeriesOptions(AnomalySeriesKind kind) =>
        _options.Detectors.GetValueOrDefault(kind.ToString()) ?? AnomalySeriesOptions.DefaultFor(kind);

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
