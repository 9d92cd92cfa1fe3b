using MeshClient.Anomaly.Statistics;

namespace MeshClient.Anomaly;

/// <summary>The z-score of a value against an EWMA mean and variance learned before it (0 for the first value). Three doubles.</summary>
internal sealed class EwmaZScoreModel : ISurpriseModel
{
    private EwmaStatistics _statistics;

    public EwmaZScoreModel(double alpha) => _statistics = new EwmaStatistics(alpha);

    public double Surprise(DateTimeOffset timestamp, double value)
    {
        var z = _statistics.Count == 0 ? 0.0 : ZScore.Of(value, _statistics.Mean, _statistics.StandardDeviation);
        _statistics.Add(value);
        return z;
    }
}
