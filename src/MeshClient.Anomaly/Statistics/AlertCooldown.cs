namespace MeshClient.Anomaly.Statistics;

/// <summary>
/// Alert suppression: once a score reaches the alert level, the following observations are reported as 0 for a fixed
/// count, so that one incident raises one alert (NAB charges every repeated alert outside a window).
/// </summary>
internal struct AlertCooldown
{
    private readonly double _alertLevel;
    private readonly int _observations;
    private int _remaining;

    public AlertCooldown(double alertLevel, int observations)
    {
        _alertLevel = alertLevel;
        _observations = observations;
    }

    public double Apply(double score)
    {
        if (_remaining > 0)
        {
            _remaining--;
            return 0.0;
        }

        if (score >= _alertLevel)
        {
            _remaining = _observations;
        }

        return score;
    }
}
