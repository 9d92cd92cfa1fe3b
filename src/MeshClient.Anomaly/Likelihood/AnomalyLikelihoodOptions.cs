namespace MeshClient.Anomaly;

/// <summary>Options of the EWMA-residual anomaly-likelihood detector (<see cref="AnomalyDetectors.CreateLikelihood"/>).</summary>
public sealed class AnomalyLikelihoodOptions
{
    /// <summary>Gets or sets the smoothing factor of the EWMA mean and variance that predict the next value, in (0, 1).</summary>
    public double Alpha { get; set; } = AnomalyLikelihoodConstants.Alpha;

    /// <summary>Gets or sets how many raw surprise scores are averaged before the likelihood is computed.</summary>
    public int AveragingWindow { get; set; } = AnomalyLikelihoodConstants.AveragingWindow;

    /// <summary>Gets or sets how many averaged scores the likelihood distribution is estimated from (memory per series).</summary>
    public int HistoryLength { get; set; } = AnomalyLikelihoodConstants.HistoryLength;

    /// <summary>Gets or sets how many observations are only learned from before the history starts filling.</summary>
    public int LearningObservations { get; set; } = AnomalyLikelihoodConstants.LearningObservations;

    /// <summary>Gets or sets how many averaged scores the history needs before the first estimate.</summary>
    public int EstimationObservations { get; set; } = AnomalyLikelihoodConstants.EstimationObservations;

    /// <summary>Gets or sets how many observations pass between two estimates of the distribution.</summary>
    public int ReestimationPeriod { get; set; } = AnomalyLikelihoodConstants.ReestimationPeriod;

    /// <summary>
    /// Gets or sets the tolerance of the spatial rule as a fraction of the range seen so far: a value that far outside
    /// the seen minimum or maximum scores 1. A negative value turns the rule off.
    /// </summary>
    public double SpatialTolerance { get; set; } = AnomalyLikelihoodConstants.SpatialTolerance;

    /// <summary>Gets or sets the score at or above which an alert starts a cool-down.</summary>
    public double AlertLevel { get; set; } = AnomalyLikelihoodConstants.AlertLevel;

    /// <summary>Gets or sets how many observations after an alert are reported as 0; 0 turns the cool-down off.</summary>
    public int CooldownObservations { get; set; } = AnomalyLikelihoodConstants.CooldownObservations;

    internal LikelihoodCalibrator CreateCalibrator() =>
        new(AveragingWindow, HistoryLength, LearningObservations, EstimationObservations, ReestimationPeriod);

    internal AnomalyLikelihoodOptions ValidatedCopy()
    {
        var copy = (AnomalyLikelihoodOptions)MemberwiseClone();
        copy.Validate();
        return copy;
    }

    private void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Alpha, nameof(Alpha));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(Alpha, 1.0, nameof(Alpha));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(AveragingWindow, nameof(AveragingWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(HistoryLength, 2, nameof(HistoryLength));
        ArgumentOutOfRangeException.ThrowIfNegative(LearningObservations, nameof(LearningObservations));
        ArgumentOutOfRangeException.ThrowIfLessThan(EstimationObservations, 2, nameof(EstimationObservations));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ReestimationPeriod, nameof(ReestimationPeriod));
        ArgumentOutOfRangeException.ThrowIfNegative(CooldownObservations, nameof(CooldownObservations));
    }
}
