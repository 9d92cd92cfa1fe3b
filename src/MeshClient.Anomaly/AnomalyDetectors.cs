namespace MeshClient.Anomaly;

/// <summary>Creates the streaming detectors of this package; each instance serves one series.</summary>
public static class AnomalyDetectors
{
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
}
