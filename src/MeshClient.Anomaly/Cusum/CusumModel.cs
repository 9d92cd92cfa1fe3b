using MeshClient.Anomaly.Statistics;

namespace MeshClient.Anomaly;

/// <summary>
/// Two-sided CUSUM (Page 1954) on values standardised against a slow EWMA mean and deviation:
/// <c>S+ = max(0, S+ + z - k)</c>, <c>S- = max(0, S- - z - k)</c>. The surprise is <c>max(S+, S-) / h</c>; once it
/// reaches 1 the sums restart and the reference mean moves to the new value, so a persistent shift alarms once.
/// Standardised values are clipped so that one spike cannot fill the sum alone. O(1), five doubles.
/// </summary>
internal sealed class CusumModel : ISurpriseModel
{
    private readonly double _slack;
    private readonly double _limit;
    private readonly double _clip;
    private readonly int _warmup;
    private EwmaStatistics _reference;
    private double _up;
    private double _down;

    public CusumModel(double alpha, double slack, double limit, double clip, int warmup)
    {
        _reference = new EwmaStatistics(alpha);
        _slack = slack;
        _limit = limit;
        _clip = clip;
        _warmup = warmup;
    }

    public double Surprise(DateTimeOffset timestamp, double value)
    {
        if (_reference.Count < _warmup)
        {
            _reference.Add(value);
            return 0.0;
        }

        var z = Math.Clamp(Standardised(value), -_clip, _clip);
        _up = Math.Max(0.0, _up + z - _slack);
        _down = Math.Max(0.0, _down - z - _slack);
        var surprise = Math.Max(_up, _down) / _limit;
        if (surprise >= 1.0)
        {
            _up = _down = 0.0;
            _reference.Recentre(value);
        }
        else
        {
            _reference.Add(value);
        }

        return surprise;
    }

    private double Standardised(double value)
    {
        var z = ZScore.Of(value, _reference.Mean, _reference.DebiasedStandardDeviation);
        return value >= _reference.Mean ? z : -z;
    }
}
