using MeshClient.Anomaly.Statistics;

namespace MeshClient.Anomaly;

/// <summary>
/// Static thresholds with windows and hysteresis: an alert is raised (score 1) when a value breaches a threshold for
/// <c>Buckets</c> consecutive observations; while the alert lasts the score is 0, and it ends after <c>ClearBuckets</c>
/// consecutive observations inside the clear levels. A run still short of <c>Buckets</c> scores
/// <c>0.5 · run / Buckets</c>. A value outside the seen range by the spatial tolerance scores 1. O(1), no allocation.
/// </summary>
internal sealed class RuleDetector : IAnomalyDetector
{
    private readonly RuleOptions _options;
    private SeenRange _range;
    private DateTimeOffset _last;
    private bool _any;
    private bool _alerting;
    private int _run;

    public RuleDetector(RuleOptions options)
    {
        _options = options;
        _range = new SeenRange(options.SpatialTolerance);
    }

    public double Observe(DateTimeOffset timestamp, double value)
    {
        var spatial = _range.IsOutsideThenAdd(value) && _options.SpatialTolerance >= 0;
        if (_any && _options.MaxGap is { } gap && timestamp - _last > gap)
        {
            _run = 0;
        }

        _last = timestamp;
        _any = true;
        var score = _alerting ? Clear(value) : Breach(value);
        return spatial ? 1.0 : score;
    }

    private double Breach(double value)
    {
        _run = value > _options.UpperThreshold || value < _options.LowerThreshold ? _run + 1 : 0;
        if (_run < _options.Buckets)
        {
            return 0.5 * _run / _options.Buckets;
        }

        _alerting = true;
        _run = 0;
        return 1.0;
    }

    private double Clear(double value)
    {
        _run = value <= _options.EffectiveUpperClear && value >= _options.EffectiveLowerClear ? _run + 1 : 0;
        if (_run >= _options.ClearBuckets)
        {
            _alerting = false;
            _run = 0;
        }

        return 0.0;
    }
}
