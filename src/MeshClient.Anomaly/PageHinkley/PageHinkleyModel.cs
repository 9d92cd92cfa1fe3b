using MeshClient.Anomaly.Statistics;

namespace MeshClient.Anomaly;

/// <summary>
/// Two-sided Page-Hinkley test (Page 1954; Hinkley 1971) as in stream-learning libraries: the deviation of each value
/// from the running mean since the last change, in units of an EWMA deviation, minus a tolerance <c>δ</c>, is summed
/// with a fading factor; the statistic is the distance of the sum from its running minimum (and the mirror for
/// decreases). The surprise is the statistic over <c>λ</c>; at 1 the test restarts from the value. O(1), eight doubles.
/// </summary>
internal sealed class PageHinkleyModel : ISurpriseModel
{
    private readonly double _delta;
    private readonly double _lambda;
    private readonly double _fading;
    private readonly int _warmup;
    private EwmaStatistics _scale;
    private double _mean;
    private long _count;
    private double _up;
    private double _upMinimum;
    private double _down;
    private double _downMinimum;

    public PageHinkleyModel(double alpha, double delta, double lambda, double fading, int warmup)
    {
        _scale = new EwmaStatistics(alpha);
        _delta = delta;
        _lambda = lambda;
        _fading = fading;
        _warmup = warmup;
    }

    public double Surprise(DateTimeOffset timestamp, double value)
    {
        var warm = _scale.Count >= _warmup;
        _scale.Add(value);
        _count++;
        _mean += (value - _mean) / _count;
        if (!warm)
        {
            return 0.0;
        }

        var z = ZScore.Of(value, _mean, _scale.DebiasedStandardDeviation);
        z = value >= _mean ? z : -z;
        _up = (_fading * _up) + z - _delta;
        _upMinimum = Math.Min(_upMinimum, _up);
        _down = (_fading * _down) - z - _delta;
        _downMinimum = Math.Min(_downMinimum, _down);
        var surprise = Math.Max(_up - _upMinimum, _down - _downMinimum) / _lambda;
        if (surprise >= 1.0)
        {
            _up = _upMinimum = _down = _downMinimum = 0.0;
            _mean = value;
            _count = 1;
        }

        return surprise;
    }
}
