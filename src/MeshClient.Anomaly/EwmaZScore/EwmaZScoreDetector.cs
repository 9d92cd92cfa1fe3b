using MeshClient.Anomaly.Statistics;

namespace MeshClient.Anomaly;

/// <summary>
/// Level spikes and dips: <c>z = |x - mean| / sd</c> against an exponentially weighted mean and variance learned before
/// the value, mapped to <c>z / (z + scale)</c>, with an alert cool-down. O(1) and allocation-free per observation.
/// </summary>
internal sealed class EwmaZScoreDetector : IAnomalyDetector
{
    private readonly EwmaZScoreOptions _options;
    private EwmaStatistics _statistics;
    private AlertCooldown _cooldown;

    public EwmaZScoreDetector(EwmaZScoreOptions options)
    {
        _options = options;
        _statistics = new EwmaStatistics(options.Alpha);
        _cooldown = new AlertCooldown(options.AlertLevel, options.CooldownObservations);
    }

    public double Observe(DateTimeOffset timestamp, double value)
    {
        var warm = _statistics.Count >= _options.WarmupObservations;
        var z = ZScore.Of(value, _statistics.Mean, _statistics.StandardDeviation);
        _statistics.Add(value);
        return warm ? _cooldown.Apply(z / (z + _options.ZScale)) : 0.0;
    }
}
