namespace MeshClient.Anomaly;

/// <summary>The metric series the live feed keeps per service and per instance; one value of each per bucket.</summary>
public enum AnomalySeriesKind
{
    /// <summary>Failed requests (5xx, 429, timeouts, connection failures, other errors) over all requests of the bucket, in [0, 1].</summary>
    ErrorRate,

    /// <summary>The 99th percentile of request latency in the bucket, in milliseconds, from a fixed histogram.</summary>
    LatencyP99,

    /// <summary>Requests completed per second over the bucket.</summary>
    Throughput,

    /// <summary>Requests in flight when the bucket closed.</summary>
    InFlight,
}
