using MeshClient.Anomaly.Statistics;

namespace MeshClient.Anomaly;

/// <summary>
/// A detector over one <see cref="ISurpriseModel"/>: the surprise <c>s</c> maps to <c>s / (s + scale)</c> (0.5 at
/// <c>s = scale</c>), followed by an alert cool-down. O(1) and allocation-free on top of the model.
/// </summary>
internal sealed class ScaledSurpriseDetector : IAnomalyDetector
{
    private readonly ISurpriseModel _model;
    private readonly double _scale;
    private AlertCooldown _cooldown;

    public ScaledSurpriseDetector(ISurpriseModel model, double scale, double alertLevel, int cooldownObservations)
    {
        _model = model;
        _scale = scale;
        _cooldown = new AlertCooldown(alertLevel, cooldownObservations);
    }

    public double Observe(DateTimeOffset timestamp, double value)
    {
        var surprise = _model.Surprise(timestamp, value);
        return _cooldown.Apply(surprise / (surprise + _scale));
    }
}
