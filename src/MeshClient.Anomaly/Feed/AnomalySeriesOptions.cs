namespace MeshClient.Anomaly;

/// <summary>
/// How one series kind is judged, bound from <c>Mesh:Anomaly:Detectors:{kind}</c>: its detector (the series' own past),
/// an optional static <see cref="Threshold"/> and, for instance series, a <see cref="Peers"/> check against the other
/// instances in the same bucket. <see cref="AnomalyOptions.Detectors"/> starts with each kind's defaults; a new instance
/// of this class has the plain defaults (the detector alone, no threshold, no peer check).
/// </summary>
public sealed class AnomalySeriesOptions
{
    /// <summary>
    /// Gets or sets the detector (<c>Mesh:Anomaly:Detectors:{kind}:Detector</c>): <c>ensemble</c> (default), <c>rules</c>,
    /// <c>likelihood</c>, <c>ewmaZScore</c>, <c>medianMad</c>, <c>cusum</c>, <c>pageHinkley</c>, <c>seasonal</c> or
    /// <c>isolationForest</c>, case-insensitive.
    /// </summary>
    public string Detector { get; set; } = AnomalyConstants.DefaultDetector;

    /// <summary>Gets or sets the score at or above which a bucket is anomalous (<c>...:AlertScore</c>). Default 0.5, the detectors' alert level.</summary>
    public double AlertScore { get; set; } = AnomalyConstants.DefaultAlertScore;

    /// <summary>Gets or sets the options of the ensemble detector (<c>...:Ensemble</c>).</summary>
    public EnsembleOptions Ensemble { get; set; } = new();

    /// <summary>Gets or sets the options of the rule detector (<c>...:Rules</c>), for example <c>UpperThreshold</c>.</summary>
    public RuleOptions Rules { get; set; } = new();

    /// <summary>Gets or sets the options of the anomaly-likelihood detector (<c>...:Likelihood</c>).</summary>
    public AnomalyLikelihoodOptions Likelihood { get; set; } = new();

    /// <summary>Gets or sets the options of the EWMA z-score detector (<c>...:EwmaZScore</c>).</summary>
    public EwmaZScoreOptions EwmaZScore { get; set; } = new();

    /// <summary>Gets or sets the options of the median/MAD detector (<c>...:MedianMad</c>).</summary>
    public MedianMadOptions MedianMad { get; set; } = new();

    /// <summary>Gets or sets the options of the CUSUM detector (<c>...:Cusum</c>).</summary>
    public CusumOptions Cusum { get; set; } = new();

    /// <summary>Gets or sets the options of the Page-Hinkley detector (<c>...:PageHinkley</c>).</summary>
    public PageHinkleyOptions PageHinkley { get; set; } = new();

    /// <summary>Gets or sets the options of the seasonal detector (<c>...:Seasonal</c>).</summary>
    public SeasonalOptions Seasonal { get; set; } = new();

    /// <summary>Gets or sets the options of the Isolation Forest detector (<c>...:IsolationForest</c>).</summary>
    public IsolationForestOptions IsolationForest { get; set; } = new();

    /// <summary>
    /// Gets or sets what the detector may raise on instance series (<c>...:InstanceAlerting</c>): <c>Own</c> (default),
    /// <c>PeerConfirmed</c> or <c>None</c>. Defaults per kind: <c>PeerConfirmed</c> for <c>ErrorRate</c> and
    /// <c>LatencyP99</c>, <c>None</c> for <c>Throughput</c> and <c>InFlight</c>.
    /// </summary>
    public AnomalyInstanceAlerting InstanceAlerting { get; set; }

    /// <summary>Gets or sets the static threshold beside the detector (<c>...:Threshold</c>); by default 5 % for 2 buckets of 10 requests on <c>ErrorRate</c>, none elsewhere.</summary>
    public AnomalyThresholdOptions Threshold { get; set; } = new();

    /// <summary>Gets or sets the peer-relative check of instance series (<c>...:Peers</c>); on by default for <c>ErrorRate</c> and <c>LatencyP99</c>.</summary>
    public AnomalyPeerOptions Peers { get; set; } = new();

    /// <summary>The defaults of one kind, as <see cref="AnomalyOptions.Detectors"/> starts.</summary>
    internal static AnomalySeriesOptions DefaultFor(AnomalySeriesKind kind) => kind switch
    {
        AnomalySeriesKind.ErrorRate => new()
        {
            InstanceAlerting = AnomalyInstanceAlerting.PeerConfirmed,
            Threshold = new() { Above = AnomalyConstants.ErrorRateThreshold },
            Peers = new()
            {
                Enabled = true,
                Ratio = PeerConstants.ErrorRateRatio,
                MinExcess = PeerConstants.ErrorRateMinExcess,
                Buckets = PeerConstants.ErrorRateBuckets,
            },
        },
        AnomalySeriesKind.LatencyP99 => new()
        {
            InstanceAlerting = AnomalyInstanceAlerting.PeerConfirmed,
            Peers = new() { Enabled = true, MinExcess = PeerConstants.LatencyMinExcess, Buckets = PeerConstants.LatencyBuckets, MinRequests = PeerConstants.LatencyMinRequests },
        },
        _ => new() { InstanceAlerting = AnomalyInstanceAlerting.None },
    };
}
