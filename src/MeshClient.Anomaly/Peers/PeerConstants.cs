namespace MeshClient.Anomaly;

internal static class PeerConstants
{
    public const double Ratio = 3;
    public const int Buckets = 2;
    public const int MinRequests = 5;
    public const int MinPeers = 2;

    /// <summary>An error rate at least half a bucket's requests above the peers': 3 of 5 failures, so one failure in a small bucket never alerts.</summary>
    public const double ErrorRateMinExcess = 0.5;

    /// <summary>Twice the peers' error rate: over the excess this only matters when the peers fail too.</summary>
    public const double ErrorRateRatio = 2;

    /// <summary>One glaring bucket (half the requests failing more than at the peers) is enough: an ejected instance gets no second one.</summary>
    public const int ErrorRateBuckets = 1;

    /// <summary>
    /// Peers compare an instance's median latency: a slow instance is slow on most requests, while a healthy one's p99 of
    /// 40 requests is its single slowest request, which a stall on a loaded machine makes an outlier several times a run.
    /// </summary>
    public const double LatencyQuantile = 0.5;

    /// <summary>One bucket: the balancer avoids a slow instance, so it may get a few requests once and none after.</summary>
    public const int LatencyBuckets = 1;

    /// <summary>
    /// Two requests, both slow (the median of two is the faster): the balancer may send a slow instance two requests in
    /// the first bucket and one in the next, then none.
    /// </summary>
    public const int LatencyMinRequests = 2;

    /// <summary>Twenty milliseconds above the peers' p99: above scheduling and GC noise of a healthy instance.</summary>
    public const double LatencyMinExcess = 20;
}
