namespace MeshClient.Anomaly;

/// <summary>
/// A static threshold of one series kind beside its detector (<c>Mesh:Anomaly:Detectors:{kind}:Threshold</c>), for
/// example <i>error rate above 5 % for 2 buckets of at least 10 requests</i>. It needs no history, so it holds from the
/// first bucket (no warm-up); an anomaly it raised clears after <see cref="AnomalyOptions.ClearAfterBuckets"/> buckets at
/// or below the threshold.
/// </summary>
public sealed class AnomalyThresholdOptions
{
    /// <summary>Gets or sets the level a value must exceed (<c>...:Threshold:Above</c>); no threshold when infinite (the default for kinds without one).</summary>
    public double Above { get; set; } = double.PositiveInfinity;

    /// <summary>Gets or sets how many breaching buckets in a row raise an anomaly (<c>...:Threshold:Buckets</c>).</summary>
    public int Buckets { get; set; } = AnomalyConstants.ThresholdBuckets;

    /// <summary>Gets or sets the fewest requests a bucket needs to count (<c>...:Threshold:MinRequests</c>); a smaller bucket neither breaches nor breaks a run.</summary>
    public int MinRequests { get; set; } = AnomalyConstants.ThresholdMinRequests;
}
