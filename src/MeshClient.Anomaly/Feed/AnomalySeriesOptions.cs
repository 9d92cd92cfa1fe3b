namespace MeshClient.Anomaly;

/// <summary>The detector of one series kind, bound from <c>Mesh:Anomaly:Detectors:{kind}</c>.</summary>
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
}
