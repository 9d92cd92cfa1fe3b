using MeshClient.Anomaly.Statistics;

namespace MeshClient.Anomaly;

/// <summary>
/// Robust z-score against a sliding window: <c>|x - median| / (1.4826 MAD)</c>, where the median is exact over the
/// last <c>window</c> values and the MAD is the sliding median of each value's absolute deviation from the median of
/// its time (both O(log window)). When the MAD is 0 (flat or heavily quantised series) the mean absolute deviation
/// (EWMA) stands in.
/// </summary>
internal sealed class MedianMadModel : ISurpriseModel
{
    private const double MadToSigma = 1.4826;
    private const double MeanAbsoluteToSigma = 1.2533;
    private readonly MovingMedian _values;
    private readonly MovingMedian _deviations;
    private readonly int _warmup;
    private readonly double _alpha;
    private double _meanAbsolute;

    public MedianMadModel(int window, int warmup)
    {
        _values = new MovingMedian(window);
        _deviations = new MovingMedian(window);
        _warmup = Math.Min(warmup, window);
        _alpha = 2.0 / (window + 1.0);
    }

    public int Bytes => 2 * _values.Length * ((sizeof(double) + (3 * sizeof(int))));

    public double Surprise(DateTimeOffset timestamp, double value)
    {
        var median = _values.Median;
        var deviation = Math.Abs(value - median);
        var surprise = 0.0;
        if (_values.Count >= _warmup)
        {
            var sigma = _deviations.Median * MadToSigma;
            surprise = ZScore.Of(value, median, sigma > 0 ? sigma : _meanAbsolute * MeanAbsoluteToSigma);
        }

        _values.Add(value);
        if (_values.Count > 1)
        {
            _deviations.Add(deviation);
            _meanAbsolute += _alpha * (deviation - _meanAbsolute);
        }

        return surprise;
    }
}
