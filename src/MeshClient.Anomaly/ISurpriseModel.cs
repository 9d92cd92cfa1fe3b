namespace MeshClient.Anomaly;

/// <summary>
/// The statistic inside a detector: learns one series online and says how surprising each value is, before the value
/// is learned. Surprises are non-negative and unbounded (z-score-like units); detectors map them to [0, 1].
/// </summary>
internal interface ISurpriseModel
{
    /// <summary>Returns the surprise of the value given everything observed before it, then learns the value.</summary>
    double Surprise(DateTimeOffset timestamp, double value);
}
