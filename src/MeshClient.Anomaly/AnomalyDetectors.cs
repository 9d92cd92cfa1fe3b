namespace MeshClient.Anomaly;

/// <summary>Creates the streaming detectors of this package; each instance serves one series.</summary>
public static class AnomalyDetectors
{
    /// <summary>Creates the default detector: the ensemble with its default options (see <see cref="CreateEnsemble"/>).</summary>
    /// <returns>A new detector for one series.</returns>
    public static IAnomalyDetector CreateDefault() => CreateEnsemble();

    /// <summary>
    /// Creates an ensemble: each member's surprise calibrated by an anomaly likelihood, the largest taken, the spatial rule
    /// and an alert cool-down on top.
    /// </summary>
    /// <param name="options">The options; defaults when <see langword="null"/>. Copied, so later changes have no effect.</param>
    /// <returns>A new detector for one series.</returns>
    public static IAnomalyDetector CreateEnsemble(EnsembleOptions? options = null) =>
        new EnsembleDetector((options ?? new EnsembleOptions()).ValidatedCopy());

    /// <summary>Creates a rule detector: static thresholds over consecutive observations with hysteresis, plus the spatial rule.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>. Copied, so later changes have no effect.</param>
    /// <returns>A new detector for one series.</returns>
    public static IAnomalyDetector CreateRules(RuleOptions? options = null) =>
        new RuleDetector((options ?? new RuleOptions()).ValidatedCopy());

    /// <summary>Creates an EWMA z-score detector with an alert cool-down: cheap, for level spikes and dips.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>. Copied, so later changes have no effect.</param>
    /// <returns>A new detector for one series.</returns>
    public static IAnomalyDetector CreateEwmaZScore(EwmaZScoreOptions? options = null) =>
        new EwmaZScoreDetector((options ?? new EwmaZScoreOptions()).ValidatedCopy());

    /// <summary>Creates an anomaly-likelihood detector over EWMA residuals with the spatial (seen-range) rule.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>. Copied, so later changes have no effect.</param>
    /// <returns>A new detector for one series.</returns>
    public static IAnomalyDetector CreateLikelihood(AnomalyLikelihoodOptions? options = null) =>
        new AnomalyLikelihoodDetector((options ?? new AnomalyLikelihoodOptions()).ValidatedCopy());

    /// <summary>Creates a robust median/MAD z-score detector over a sliding window, with an alert cool-down.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>. Copied, so later changes have no effect.</param>
    /// <returns>A new detector for one series.</returns>
    public static IAnomalyDetector CreateMedianMad(MedianMadOptions? options = null)
    {
        var copy = (options ?? new MedianMadOptions()).ValidatedCopy();
        return new ScaledSurpriseDetector(copy.CreateModel(), copy.ZScale, copy.AlertLevel, copy.CooldownObservations);
    }

    /// <summary>Creates a two-sided CUSUM change detector for persistent mean shifts, with an alert cool-down.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>. Copied, so later changes have no effect.</param>
    /// <returns>A new detector for one series.</returns>
    public static IAnomalyDetector CreateCusum(CusumOptions? options = null)
    {
        var copy = (options ?? new CusumOptions()).ValidatedCopy();
        return new ScaledSurpriseDetector(copy.CreateModel(), 1.0, copy.AlertLevel, copy.CooldownObservations);
    }

    /// <summary>Creates a two-sided Page-Hinkley change detector for drifts and change points, with an alert cool-down.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>. Copied, so later changes have no effect.</param>
    /// <returns>A new detector for one series.</returns>
    public static IAnomalyDetector CreatePageHinkley(PageHinkleyOptions? options = null)
    {
        var copy = (options ?? new PageHinkleyOptions()).ValidatedCopy();
        return new ScaledSurpriseDetector(copy.CreateModel(), 1.0, copy.AlertLevel, copy.CooldownObservations);
    }

    /// <summary>Creates a seasonal (Holt-Winters over a daily profile) residual detector, with an alert cool-down.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>. Copied, so later changes have no effect.</param>
    /// <returns>A new detector for one series.</returns>
    public static IAnomalyDetector CreateSeasonal(SeasonalOptions? options = null)
    {
        var copy = (options ?? new SeasonalOptions()).ValidatedCopy();
        return new ScaledSurpriseDetector(copy.CreateModel(), copy.ZScale, copy.AlertLevel, copy.CooldownObservations);
    }

    /// <summary>
    /// Creates a univariate Isolation Forest detector: lagged features of each value scored by a forest trained on a
    /// rolling window of recent observations and retrained every <see cref="IsolationForestOptions.RetrainInterval"/> observations.
    /// </summary>
    /// <param name="options">The options; defaults when <see langword="null"/>. Copied, so later changes have no effect.</param>
    /// <returns>A new detector for one series.</returns>
    public static IAnomalyDetector CreateIsolationForest(IsolationForestOptions? options = null) =>
        new IsolationForestDetector((options ?? new IsolationForestOptions()).ValidatedCopy());
}
