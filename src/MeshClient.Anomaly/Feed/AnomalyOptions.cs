using System.ComponentModel.DataAnnotations;

namespace MeshClient.Anomaly;

/// <summary>The live anomaly feed over request outcomes, bound from <c>Mesh:Anomaly</c>.</summary>
public sealed class AnomalyOptions
{
    /// <summary>Initializes a new instance of the <see cref="AnomalyOptions"/> class, with each series kind's default in <see cref="Detectors"/>.</summary>
    public AnomalyOptions()
    {
        foreach (var kind in Enum.GetValues<AnomalySeriesKind>())
        {
            Detectors[kind.ToString()] = AnomalySeriesOptions.DefaultFor(kind);
        }
    }

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
    /// Gets how each series kind is judged (<c>Mesh:Anomaly:Detectors:{kind}</c>, keys are <see cref="AnomalySeriesKind"/>
    /// names, case-insensitive). It starts with every kind's defaults, which configuration binds onto: the default ensemble
    /// (<see cref="AnomalyDetectors.CreateDefault"/>) on every kind; on <c>ErrorRate</c> a 5 % threshold and a peer check,
    /// on <c>LatencyP99</c> a peer check, with the ensemble's instance alerts confirmed by peers; no instance alerts on
    /// <c>Throughput</c> and <c>InFlight</c>. A kind removed from it gets its defaults back.
    /// </summary>
    public Dictionary<string, AnomalySeriesOptions> Detectors { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the inbound series of the requests this process serves (<c>Mesh:Anomaly:Inbound</c>).</summary>
    public AnomalyInboundOptions Inbound { get; } = new();
}
