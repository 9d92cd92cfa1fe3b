namespace MeshClient.Anomaly;

/// <summary>What the detector of a series kind (its own past) may raise on the <i>instance</i> series; service-wide series always alert on it.</summary>
public enum AnomalyInstanceAlerting
{
    /// <summary>The detector's alert raises an anomaly on its own.</summary>
    Own,

    /// <summary>
    /// The detector's alert raises an anomaly only when the instance is also an outlier among its peers in that bucket
    /// (<see cref="AnomalySeriesOptions.Peers"/>, without its bucket count): what moves every instance is not the instance's fault.
    /// Without enough peers in the bucket (<c>Peers:MinPeers</c>, or the check off) the detector's alert counts on its own.
    /// </summary>
    PeerConfirmed,

    /// <summary>
    /// The instance series of this kind run no detector: for throughput and in-flight, which the balancer decides
    /// (it shifts load between healthy instances and onto them when one is ejected), so a change there is by design.
    /// </summary>
    None,
}
