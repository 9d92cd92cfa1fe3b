using System.ComponentModel.DataAnnotations;

namespace MeshClient.Anomaly;

/// <summary>The live anomaly feed over request outcomes, bound from <c>Mesh:Anomaly</c>.</summary>
public sealed class AnomalyOptions
{
    /// <summary>Gets or sets how often a bucket closes and each series emits one value (<c>Mesh:Anomaly:BucketInterval</c>). Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan BucketInterval { get; set; } = AnomalyConstants.DefaultBucketInterval;

    /// <summary>
    /// Gets or sets how long a series may see no request before it is dropped with its detectors
    /// (<c>Mesh:Anomaly:IdleExpiry</c>); it starts afresh on its next request. Default 5 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "7.00:00:00")]
    public TimeSpan IdleExpiry { get; set; } = AnomalyConstants.DefaultIdleExpiry;

    /// <summary>
    /// Gets or sets how many series (one per service and one per instance, each with the four <see cref="AnomalySeriesKind"/>s)
    /// may exist at once (<c>Mesh:Anomaly:MaxSeries</c>); outcomes of series past the cap are dropped and counted. Default 1000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxSeries { get; set; } = AnomalyConstants.DefaultMaxSeries;

    /// <summary>
    /// Gets or sets how many normal buckets in a row end an anomaly (<c>Mesh:Anomaly:ClearAfterBuckets</c>), so that a
    /// flapping series does not raise and clear on every bucket. Default 3.
    /// </summary>
    [Range(1, 10_000)]
    public int ClearAfterBuckets { get; set; } = AnomalyConstants.DefaultClearAfterBuckets;

    /// <summary>
    /// Gets or sets how many values a series' detectors only learn from before they may raise an anomaly
    /// (<c>Mesh:Anomaly:WarmupBuckets</c>), as NAB's probationary period. Default 30 (five minutes at the default interval).
    /// </summary>
    [Range(0, 100_000)]
    public int WarmupBuckets { get; set; } = AnomalyConstants.DefaultWarmupBuckets;

    /// <summary>
    /// Gets the detector per series kind (<c>Mesh:Anomaly:Detectors:{kind}</c>, keys are <see cref="AnomalySeriesKind"/>
    /// names, case-insensitive); a kind not listed uses the default ensemble (<see cref="AnomalyDetectors.CreateDefault"/>).
    /// </summary>
    public Dictionary<string, AnomalySeriesOptions> Detectors { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the inbound series of the requests this process serves (<c>Mesh:Anomaly:Inbound</c>).</summary>
    public AnomalyInboundOptions Inbound { get; } = new();
}
