using MeshClient.Anomaly.Statistics;

namespace MeshClient.Anomaly;

/// <summary>
/// The anomaly-likelihood post-processing of Numenta's NAB detector over a cheap predictor: the raw surprise is the
/// z-score of the value against an EWMA mean and variance, calibrated by a <see cref="LikelihoodCalibrator"/>; a value
/// outside the range seen so far scores 1; an alert cool-down follows. O(1) and allocation-free per observation; memory
/// is the calibrator's two rings.
/// </summary>
internal sealed class AnomalyLikelihoodDetector : IAnomalyDetector
{
    private readonly AnomalyLikelihoodOptions _options;
    private readonly LikelihoodCalibrator _calibrator;
    private EwmaStatistics _model;
    private SeenRange _range;
    private AlertCooldown _cooldown;

    public AnomalyLikelihoodDetector(AnomalyLikelihoodOptions options)
    {
        _options = options;
        _calibrator = options.CreateCalibrator();
        _model = new EwmaStatistics(options.Alpha);
        _range = new SeenRange(options.SpatialTolerance);
        _cooldown = new AlertCooldown(options.AlertLevel, options.CooldownObservations);
    }

    public double Observe(DateTimeOffset timestamp, double value)
    {
        var spatial = _range.IsOutsideThenAdd(value) && _options.SpatialTolerance >= 0;
        var raw = _model.Count == 0 ? 0.0 : ZScore.Of(value, _model.Mean, _model.StandardDeviation);
        _model.Add(value);
        var likelihood = _calibrator.Calibrate(raw);
        return _cooldown.Apply(spatial ? 1.0 : likelihood);
    }
}
