namespace MeshClient.Anomaly;

/// <summary>
/// A streaming univariate anomaly detector for one series. It sees observations one at a time in arrival order, learns online
/// only (no look-ahead, no knowledge of the whole series), keeps bounded memory and allocates nothing per observation.
/// </summary>
/// <remarks>An instance is not thread-safe: feed one series from one thread, and use a fresh instance per series.</remarks>
public interface IAnomalyDetector
{
    /// <summary>Observes the next value of the series and returns its anomaly score.</summary>
    /// <param name="timestamp">When the value was observed.</param>
    /// <param name="value">The observed value.</param>
    /// <returns>An anomaly score in [0, 1]; higher is more anomalous.</returns>
    double Observe(DateTimeOffset timestamp, double value);
}
