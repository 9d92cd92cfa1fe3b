using MeshClient.Events;

namespace MeshClient.Anomaly;

/// <summary>
/// How one series kind is judged, with hysteresis. A bucket is anomalous when the detector alerts (after the warm-up,
/// outside its cool-down and, on an instance series, as <see cref="AnomalySeriesOptions.InstanceAlerting"/> allows), when
/// the instance was an outlier among its peers for <c>Peers:Buckets</c> buckets, or when the value was above the
/// threshold for <c>Threshold:Buckets</c> buckets (a bucket with too few requests for a check neither counts for it nor
/// breaks its run, nor counts towards clearing an anomaly that check raised); the last two need no history and hold from the first bucket. An
/// anomaly clears after <c>clearAfterBuckets</c> normal buckets in a row (nothing fired and, when the detector exposes a
/// range, the value inside it). Closing thread only.
/// </summary>
internal sealed class SeriesEvaluator(
    SeriesKey key, AnomalySeriesKind kind, IAnomalyDetector? detector, string detectorName, AnomalySeriesOptions options, int cooldown, int clearAfterBuckets, int warmupBuckets)
{
    private readonly AnomalyThresholdOptions _threshold = options.Threshold;
    private readonly AnomalyPeerOptions _peers = options.Peers;
    private int _normalBuckets;
    private int _observed;
    private int _cooldownLeft;
    private int _peerRun;
    private int _thresholdRun;

    public AnomalySeriesKind Kind { get; } = kind;

    public string DetectorName { get; } = detectorName;

    /// <summary>Gets the peer check of this kind, which also decides which instances count as peers.</summary>
    public AnomalyPeerOptions Peers => _peers;

    /// <summary>Gets the active anomaly, or <see langword="null"/>.</summary>
    public ActiveAnomaly? Active { get; private set; }

    public double LastScore { get; private set; }

    public double LastValue { get; private set; }

    /// <summary>
    /// Judges one bucket value (of <paramref name="requests"/> requests) and returns the event it causes, if any;
    /// <paramref name="peerValue"/> is what the peer check compares with <paramref name="peers"/> (empty for a service series).
    /// </summary>
    public MeshEvent? Observe(DateTimeOffset timestamp, double value, long requests, double peerValue, PeerMedian peers)
    {
        // While warming up the detector learns only: its first scores come from a few values and would alarm on noise.
        var warm = _observed >= warmupBuckets;
        if (!warm)
        {
            _observed++;
        }

        var score = 0.0;
        double? lower = null, upper = null;
        var inRange = true;
        if (detector is not null)
        {
            score = detector.Observe(timestamp, value);
            if (detector is IExpectedRangeProvider ranged && ranged.TryGetExpectedRange(out var low, out var high))
            {
                (lower, upper) = (low, high);
                inRange = value >= low && value <= high;
            }
        }

        LastScore = score;
        LastValue = value;
        if (_cooldownLeft > 0)
        {
            _cooldownLeft--;
            score = 0;
        }

        var instance = key.InstanceId is not null;
        var peerLimit = PeerLimit(peers);
        var judged = requests >= _peers.MinRequests;
        var outlier = instance && judged && peerValue >= peerLimit;
        if (judged)
        {
            _peerRun = outlier ? _peerRun + 1 : 0;
        }

        if (requests >= _threshold.MinRequests)
        {
            _thresholdRun = value > _threshold.Above ? _thresholdRun + 1 : 0;
        }

        // Peers confirm when they can: an instance without enough peers in the bucket (or with the check off) is judged on its own.
        var confirmed = outlier || double.IsPositiveInfinity(peerLimit);
        var temporal = warm && score >= options.AlertScore
            && (!instance || options.InstanceAlerting == AnomalyInstanceAlerting.Own || (options.InstanceAlerting == AnomalyInstanceAlerting.PeerConfirmed && confirmed));
        var by = temporal ? DetectorName
            : outlier && _peerRun >= _peers.Buckets ? AnomalyConstants.PeersDetector
            : _thresholdRun >= _threshold.Buckets ? AnomalyConstants.ThresholdDetector
            : null;
        if (by is not null)
        {
            _normalBuckets = 0;
            if (Active is not null)
            {
                return null;
            }

            if (!temporal)
            {
                (score, lower, upper) = (1.0, null, string.Equals(by, AnomalyConstants.PeersDetector, StringComparison.Ordinal) ? peerLimit : _threshold.Above);
            }
            else if (cooldown > 0)
            {
                _cooldownLeft = cooldown;
            }

            Active = new ActiveAnomaly(key.ServiceName, key.InstanceId, Kind, score, value, lower, upper, by, timestamp, key.Inbound);
            return new AnomalyDetectedEvent(timestamp, key.ServiceName, key.InstanceId, Kind, score, value, lower, upper, by, key.Inbound);
        }

        if (Active is null)
        {
            return null;
        }

        // A bucket too small for the check that raised the anomaly says nothing about it (the balancer may be avoiding the instance).
        var undecided = (string.Equals(Active.Detector, AnomalyConstants.PeersDetector, StringComparison.Ordinal) && !judged)
            || (string.Equals(Active.Detector, AnomalyConstants.ThresholdDetector, StringComparison.Ordinal) && requests < _threshold.MinRequests);
        if (undecided)
        {
            return null;
        }

        _normalBuckets = inRange ? _normalBuckets + 1 : 0;
        return _normalBuckets >= clearAfterBuckets ? Clear(timestamp, lower, upper) : null;
    }

    /// <summary>Ends the active anomaly now (the series expired) and returns its cleared event, if there was one.</summary>
    public AnomalyClearedEvent? Clear(DateTimeOffset timestamp, double? lower = null, double? upper = null)
    {
        if (Active is not { } active)
        {
            return null;
        }

        Active = null;
        _normalBuckets = 0;
        return new AnomalyClearedEvent(timestamp, key.ServiceName, key.InstanceId, Kind, LastScore, LastValue, lower, upper, active.Detector, active.DetectedAt, key.Inbound);
    }

    /// <summary>The lowest value that is an outlier among these peers; infinite when the check is off or there are too few peers.</summary>
    private double PeerLimit(PeerMedian peers) =>
        _peers.Enabled && peers.Count >= _peers.MinPeers
            ? Math.Max(peers.Median * _peers.Ratio, peers.Median + _peers.MinExcess)
            : double.PositiveInfinity;
}

/// <summary>An anomaly that has not cleared yet, as listed at <c>/mesh/anomalies</c>; <see cref="Inbound"/> marks this process's own served traffic.</summary>
internal sealed record ActiveAnomaly(
    string ServiceName, string? InstanceId, AnomalySeriesKind Series, double Score, double Value, double? ExpectedLower, double? ExpectedUpper, string Detector, DateTimeOffset DetectedAt, bool Inbound);
