namespace MeshClient.Anomaly;

/// <summary>Names and defaults of the live anomaly feed.</summary>
internal static class AnomalyConstants
{
    public const string Section = "Anomaly";

    public const string SectionName = "Mesh:" + Section;

    public const string StatusName = "anomalies";

    /// <summary>The inbound series' service (when the host has no application name) and instance before this process registers.</summary>
    public const string SelfIdentity = MeshClient.Registration.MeshSelf.InstanceId;

    /// <summary>Ten seconds: the scrape interval Prometheus setups commonly use, short enough to act within a minute.</summary>
    public static readonly TimeSpan DefaultBucketInterval = TimeSpan.FromSeconds(10);

    /// <summary>Five minutes without a request, as the discovery cache's idle expiry.</summary>
    public static readonly TimeSpan DefaultIdleExpiry = TimeSpan.FromMinutes(5);

    public const int DefaultMaxSeries = 1000;

    public const int DefaultClearAfterBuckets = 3;

    /// <summary>The score at which the detectors of this package alert (their <c>AlertLevel</c> default).</summary>
    /// <summary>Thirty buckets: five minutes at the default interval, before which a new series' detectors only learn.</summary>
    public const int DefaultWarmupBuckets = 30;

    /// <summary>How many closes an expired series is still drained for outcomes of writers that held it across the expiry.</summary>
    public const int ExpiredDrainBuckets = 3;

    public const double DefaultAlertScore = 0.5;

    public const string DefaultDetector = "ensemble";

    /// <summary>The issue's own rule: an error rate above 5 %.</summary>
    public const double ErrorRateThreshold = 0.05;

    /// <summary>Two buckets in a row, so that one unlucky bucket does not alert.</summary>
    public const int ThresholdBuckets = 2;

    /// <summary>Ten requests: one failure of ten is already 10 %, fewer would make the threshold a coin toss.</summary>
    public const int ThresholdMinRequests = 10;

    /// <summary>The names events carry when the threshold or the peer check raised the anomaly.</summary>
    public const string ThresholdDetector = "threshold";

    public const string PeersDetector = "peers";

    /// <summary>Sub-buckets per power of two of the latency histogram: a relative error under 12.5 %.</summary>
    public const int HistogramSubBuckets = 4;

    /// <summary>Powers of two of microseconds the histogram covers (2^27 µs ≈ 134 s); slower requests land in the last bucket.</summary>
    public const int HistogramOctaves = 27;

    public const int HistogramBuckets = HistogramSubBuckets * (HistogramOctaves - 1);
}
