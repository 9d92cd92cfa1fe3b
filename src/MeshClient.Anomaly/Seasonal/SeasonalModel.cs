using MeshClient.Anomaly.Statistics;

namespace MeshClient.Anomaly;

/// <summary>
/// Additive Holt-Winters without trend over time-of-period slots: the prediction is <c>level + season[slot]</c>, where the
/// slot is the observation's clock time within the period (so missing buckets and irregular timestamps need no care).
/// The level is smoothed per observation (α) once the slot has an offset (the first period only initialises offsets, as
/// in classic Holt-Winters), each slot's offset per visit (γ); the surprise is the absolute residual
/// over an EWMA of absolute residuals (Brutlag's deviation, kept per slot and overall); a slot's first
/// visit only learns (surprise 0). O(1); memory two doubles per slot.
/// </summary>
internal sealed class SeasonalModel : ISurpriseModel
{
    private const double MeanAbsoluteToSigma = 1.2533;
    private readonly double[] _season;
    private readonly double[] _deviation;
    private readonly long _periodTicks;
    private readonly long _slotTicks;
    private readonly double _alpha;
    private readonly double _gamma;
    private readonly double _deviationAlpha;
    private readonly int _warmup;
    private double _level;
    private double _overall;
    private long _count;

    public SeasonalModel(TimeSpan period, int slots, double alpha, double gamma, double deviationAlpha, int warmup)
    {
        _season = new double[slots];
        _deviation = new double[slots];
        Array.Fill(_season, double.NaN);
        _periodTicks = period.Ticks;
        _slotTicks = Math.Max(1, period.Ticks / slots);
        _alpha = alpha;
        _gamma = gamma;
        _deviationAlpha = deviationAlpha;
        _warmup = warmup;
    }

    public int Bytes => 2 * _season.Length * sizeof(double);

    public double Surprise(DateTimeOffset timestamp, double value)
    {
        var slot = (int)Math.Min(_season.Length - 1, (((timestamp.Ticks % _periodTicks) + _periodTicks) % _periodTicks) / _slotTicks);
        if (_count++ == 0)
        {
            _level = value;
        }

        var seen = !double.IsNaN(_season[slot]);
        var offset = seen ? _season[slot] : 0.0;
        var residual = value - _level - offset;
        var scale = MeanAbsoluteToSigma * Math.Max(_deviation[slot], _overall);
        var surprise = seen && _count > _warmup ? ZScore.Of(residual, 0.0, scale) : 0.0;

        if (seen)
        {
            _level += _alpha * (value - offset - _level);
        }

        _season[slot] = seen ? offset + (_gamma * (value - _level - offset)) : value - _level;
        var absolute = Math.Abs(residual);
        _overall += _deviationAlpha * (absolute - _overall);
        _deviation[slot] = seen ? _deviation[slot] + (_gamma * (absolute - _deviation[slot])) : 0.0;
        return surprise;
    }
}
