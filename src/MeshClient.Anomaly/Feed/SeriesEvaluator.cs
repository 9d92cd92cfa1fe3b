using MeshClient.Events;

namespace MeshClient.Anomaly;

/// <summary>
/// One series kind's detector with hysteresis: a bucket scored at or above the alert score raises an anomaly; it clears
/// after <c>clearAfterBuckets</c> normal buckets in a row (score below the alert score and, when the detector exposes a
/// range, the value inside it). Closing thread only.
/// </summary>
internal sealed class SeriesEvaluator(
    SeriesKey key, AnomalySeriesKind kind, IAnomalyDetector detector, string detectorName, double alertScore, int clearAfterBuckets, int warmupBuckets)
{
    private int _normalBuckets;
    private int _observed;

    public AnomalySeriesKind Kind { get; } = kind;

    public string DetectorName { get; } = detectorName;

    /// <summary>Gets the active anomaly, or <see langword="null"/>.</summary>
    public ActiveAnomaly? Active { get; private set; }

    public double LastScore { get; private set; }

    public double LastValue { get; private set; }

    /// <summary>Scores one bucket value and returns the event it causes, if any.</summary>
    public MeshEvent? Observe(DateTimeOffset timestamp, double value)
    {
        var score = detector.Observe(timestamp, value);

        // While warming up the detector learns only: its first scores come from a few values and would alarm on noise.
        var warm = _observed >= warmupBuckets;
        if (!warm)
        {
            _observed++;
        }

        LastScore = score;
        LastValue = value;
        double? lower = null, upper = null;
        var inRange = true;
        if (detector is IExpectedRangeProvider ranged && ranged.TryGetExpectedRange(out var low, out var high))
        {
            (lower, upper) = (low, high);
            inRange = value >= low && value <= high;
        }

        if (score >= alertScore && warm)
        {
            _normalBuckets = 0;
            if (Active is null)
            {
                Active = new ActiveAnomaly(key.ServiceName, key.InstanceId, Kind, score, value, lower, upper, DetectorName, timestamp, key.Inbound);
                return new AnomalyDetectedEvent(timestamp, key.ServiceName, key.InstanceId, Kind, score, value, lower, upper, DetectorName, key.Inbound);
            }

            return null;
        }

        if (Active is null)
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
        return new AnomalyClearedEvent(timestamp, key.ServiceName, key.InstanceId, Kind, LastScore, LastValue, lower, upper, DetectorName, active.DetectedAt, key.Inbound);
    }
}

/// <summary>An anomaly that has not cleared yet, as listed at <c>/mesh/anomalies</c>; <see cref="Inbound"/> marks this process's own served traffic.</summary>
internal sealed record ActiveAnomaly(
    string ServiceName, string? InstanceId, AnomalySeriesKind Series, double Score, double Value, double? ExpectedLower, double? ExpectedUpper, string Detector, DateTimeOffset DetectedAt, bool Inbound);
