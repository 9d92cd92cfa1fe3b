using MeshClient.Anomaly.Statistics;

namespace MeshClient.Anomaly;

/// <summary>
/// Numenta's anomaly likelihood over any raw surprise: the short moving average of the surprise is compared with a normal
/// fitted (every <c>reestimationPeriod</c> observations) on a bounded history of averages, both tails counting; only the
/// first of a run of red-zone tails stays red, and the tail is log-scaled to [0, 1]. O(1), allocation-free per observation.
/// </summary>
internal sealed class LikelihoodCalibrator
{
    private readonly MovingAverage _average;
    private readonly RollingMoments _history;
    private readonly int _learning;
    private readonly int _estimation;
    private readonly int _reestimation;
    private long _count;
    private double _mean;
    private double _deviation;
    private bool _estimated;
    private double _previousTail = 1.0;

    public LikelihoodCalibrator(int averagingWindow, int historyLength, int learning, int estimation, int reestimation)
    {
        _average = new MovingAverage(averagingWindow);
        _history = new RollingMoments(historyLength);
        _learning = learning;
        _estimation = estimation;
        _reestimation = reestimation;
    }

    /// <summary>Memory of the two rings in bytes.</summary>
    public int RingBytes => (_average.Length + _history.Length) * sizeof(double);

    /// <summary>Learns the raw surprise and returns its log-scaled likelihood in [0, 1] (0.0301 before the first estimate).</summary>
    public double Calibrate(double raw)
    {
        var averaged = _average.Add(Math.Min(raw, 1e6));
        _count++;
        if (_count > _learning)
        {
            _history.Add(averaged);
            Estimate();
        }

        return LogLikelihood.FromTail(_estimated ? Filter(Tail(averaged)) : 0.5);
    }

    private void Estimate()
    {
        var due = _estimated
            ? (_count - _learning) % _reestimation == 0
            : _history.Count >= _estimation;
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
