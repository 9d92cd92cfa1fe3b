using MeshClient.Anomaly.Statistics;

namespace MeshClient.Anomaly;

/// <summary>
/// The default detector: every member's surprise goes through its own anomaly likelihood (so "how unusual for this
/// series" is comparable across members and series), the ensemble score is the largest calibrated score, a value
/// outside the seen range scores 1 (the spatial rule), and an alert cool-down keeps one incident to one alert.
/// O(1) per member (the Isolation Forest: O(trees · log ψ), plus its periodic retrain), allocation-free per observation.
/// </summary>
internal sealed class EnsembleDetector : IAnomalyDetector
{
    private readonly ISurpriseModel[] _members;
    private readonly LikelihoodCalibrator[] _calibrators;
    private readonly bool _spatialRule;
    private SeenRange _range;
    private AlertCooldown _cooldown;

    public EnsembleDetector(EnsembleOptions options)
    {
        _members = options.CreateModels();
        _calibrators = new LikelihoodCalibrator[_members.Length];
        for (var i = 0; i < _members.Length; i++)
        {
            _calibrators[i] = options.Likelihood.CreateCalibrator();
        }

        _spatialRule = options.SpatialTolerance >= 0;
        _range = new SeenRange(options.SpatialTolerance);
        _cooldown = new AlertCooldown(options.AlertLevel, options.CooldownObservations);
    }

    public double Observe(DateTimeOffset timestamp, double value)
    {
        var spatial = _range.IsOutsideThenAdd(value) && _spatialRule;
        var score = 0.0;
        for (var i = 0; i < _members.Length; i++)
        {
            score = Math.Max(score, _calibrators[i].Calibrate(_members[i].Surprise(timestamp, value)));
        }

        return _cooldown.Apply(spatial ? 1.0 : score);
    }
}
