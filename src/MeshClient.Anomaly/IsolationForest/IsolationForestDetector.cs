using MeshClient.Anomaly.Statistics;

namespace MeshClient.Anomaly;

/// <summary>The univariate Isolation Forest detector: the forest's score of each observation, with an alert cool-down.</summary>
internal sealed class IsolationForestDetector : IAnomalyDetector
{
    private readonly IsolationForestModel _model;
    private AlertCooldown _cooldown;

    public IsolationForestDetector(IsolationForestOptions options)
    {
        _model = new IsolationForestModel(options);
        _cooldown = new AlertCooldown(options.AlertLevel, options.CooldownObservations);
    }

    public double Observe(DateTimeOffset timestamp, double value) => _cooldown.Apply(_model.Surprise(timestamp, value));
}
