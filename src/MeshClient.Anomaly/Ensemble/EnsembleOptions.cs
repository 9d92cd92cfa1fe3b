namespace MeshClient.Anomaly;

/// <summary>Options of the ensemble detector (<see cref="AnomalyDetectors.CreateEnsemble"/>, the default detector).</summary>
public sealed class EnsembleOptions
{
    /// <summary>Gets or sets the statistical members (EWMA z-score and seasonal residual by default).</summary>
    public EnsembleMembers Members { get; set; } = EnsembleConstants.Members;

    /// <summary>
    /// Gets or sets the tolerance of the spatial rule as a fraction of the range seen so far: a value that far outside the
    /// seen minimum or maximum scores 1. A negative value turns the rule off.
    /// </summary>
    public double SpatialTolerance { get; set; } = EnsembleConstants.SpatialTolerance;

    /// <summary>Gets or sets the score at or above which an alert starts a cool-down.</summary>
    public double AlertLevel { get; set; } = EnsembleConstants.AlertLevel;

    /// <summary>Gets or sets how many observations after an alert are reported as 0; 0 turns the cool-down off.</summary>
    public int CooldownObservations { get; set; } = EnsembleConstants.CooldownObservations;

    /// <summary>Gets or sets the anomaly-likelihood settings every member's surprise is calibrated with (its <c>Alpha</c> is the EWMA member's).</summary>
    public AnomalyLikelihoodOptions Likelihood { get; set; } = new();

    /// <summary>Gets or sets the seasonal member's settings (its score mapping and cool-down are not used).</summary>
    public SeasonalOptions Seasonal { get; set; } = new();

    /// <summary>Gets or sets the median/MAD member's settings (its score mapping and cool-down are not used).</summary>
    public MedianMadOptions MedianMad { get; set; } = new();

    /// <summary>Gets or sets the CUSUM member's settings (its cool-down is not used).</summary>
    public CusumOptions Cusum { get; set; } = new();

    /// <summary>Gets or sets the Page-Hinkley member's settings (its cool-down is not used).</summary>
    public PageHinkleyOptions PageHinkley { get; set; } = new();

    /// <summary>Gets or sets the Isolation Forest member's settings (its cool-down is not used).</summary>
    public IsolationForestOptions IsolationForest { get; set; } = new();

    internal EnsembleOptions ValidatedCopy()
    {
        var copy = (EnsembleOptions)MemberwiseClone();
        ArgumentOutOfRangeException.ThrowIfNegative(copy.CooldownObservations, nameof(CooldownObservations));
        copy.Likelihood = (copy.Likelihood ?? throw new ArgumentNullException(nameof(Likelihood))).ValidatedCopy();
        copy.Seasonal = (copy.Seasonal ?? throw new ArgumentNullException(nameof(Seasonal))).ValidatedCopy();
        copy.MedianMad = (copy.MedianMad ?? throw new ArgumentNullException(nameof(MedianMad))).ValidatedCopy();
        copy.Cusum = (copy.Cusum ?? throw new ArgumentNullException(nameof(Cusum))).ValidatedCopy();
        copy.PageHinkley = (copy.PageHinkley ?? throw new ArgumentNullException(nameof(PageHinkley))).ValidatedCopy();
        copy.IsolationForest = (copy.IsolationForest ?? throw new ArgumentNullException(nameof(IsolationForest))).ValidatedCopy();
        return copy;
    }

    internal ISurpriseModel[] CreateModels()
    {
        var models = new List<ISurpriseModel>();
        Add(EnsembleMembers.EwmaZScore, () => new EwmaZScoreModel(Likelihood.Alpha));
        Add(EnsembleMembers.Seasonal, Seasonal.CreateModel);
        Add(EnsembleMembers.MedianMad, MedianMad.CreateModel);
        Add(EnsembleMembers.Cusum, Cusum.CreateModel);
        Add(EnsembleMembers.PageHinkley, PageHinkley.CreateModel);
        Add(EnsembleMembers.IsolationForest, () => new IsolationForestModel(IsolationForest));
        return [.. models];

        void Add(EnsembleMembers member, Func<ISurpriseModel> create)
        {
            if (Members.HasFlag(member))
            {
                models.Add(create());
            }
        }
    }
}
