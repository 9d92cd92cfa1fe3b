using MeshClient.Anomaly.Statistics;

namespace MeshClient.Anomaly;

/// <summary>
/// The anomaly-likelihood post-processing of Numenta's NAB detector over a cheap predictor: the raw surprise is the
/// z-score of the value against an EWMA mean and variance; its short moving average is compared with a normal fitted
/// (every <c>ReestimationPeriod</c> observations) on a bounded history of averages, both tails counting. The tail
/// probability is filtered (only the first of a run of red-zone values stays red), log-scaled, and a value outside
/// the range seen so far scores 1; an alert cool-down follows. O(1) and allocation-free per observation; memory is the two rings.
/// </summary>
internal sealed class AnomalyLikelihoodDetector : IAnomalyDetector
{
    private readonly AnomalyLikelihoodOptions _options;
    private readonly MovingAverage _average;
    private readonly RollingMoments _history;
    private EwmaStatistics _model;
    private SeenRange _range;
    private AlertCooldown _cooldown;
    private long _count;
    private double _mean;
    private double _deviation;
    private bool _estimated;
    private double _previousTail = 1.0;

    public AnomalyLikelihoodDetector(AnomalyLikelihoodOptions options)
    {
        _options = options;
        _average = new MovingAverage(options.AveragingWindow);
        _history = new RollingMoments(options.HistoryLength);
        _model = new EwmaStatistics(options.Alpha);
        _range = new SeenRange(options.SpatialTolerance);
        _cooldown = new AlertCooldown(options.AlertLevel, options.CooldownObservations);
    }

    public double Observe(DateTimeOffset timestamp, double value)
    {
        var spatial = _range.IsOutsideThenAdd(value) && _options.SpatialTolerance >= 0;
        var raw = _model.Count == 0 ? 0.0 : ZScore.Of(value, _model.Mean, _model.StandardDeviation);
        _model.Add(value);
        var averaged = _average.Add(Math.Min(raw, 1e6));
        _count++;
        if (_count > _options.LearningObservations)
        {
            _history.Add(averaged);
            Estimate();
        }

        var tail = _estimated ? Filter(Tail(averaged)) : 0.5;
        return _cooldown.Apply(spatial ? 1.0 : LogLikelihood.FromTail(tail));
    }

    private void Estimate()
    {
        var due = _estimated
            ? (_count - _options.LearningObservations) % _options.ReestimationPeriod == 0
            : _history.Count >= _options.EstimationObservations;
        if (due)
        {
            _mean = _history.Mean;
            _deviation = Math.Sqrt(Math.Max(_history.Variance, AnomalyLikelihoodConstants.MinimumVariance));
            _estimated = true;
        }
    }

    private double Tail(double averaged) => NormalTail.Upper(Math.Abs(averaged - _mean) / _deviation);

    private double Filter(double tail)
    {
        var filtered = tail <= AnomalyLikelihoodConstants.RedTail && _previousTail <= AnomalyLikelihoodConstants.RedTail
            ? AnomalyLikelihoodConstants.YellowTail
            : tail;
        _previousTail = tail;
        return filtered;
    }
}
