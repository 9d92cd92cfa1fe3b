namespace MeshClient.Anomaly;

/// <summary>The detectors the feed can create by name (<c>Mesh:Anomaly:Detectors:{kind}:Detector</c>).</summary>
internal static class AnomalyDetectorCatalog
{
    public static readonly string[] Names = ["ensemble", "rules", "likelihood", "ewmaZScore", "medianMad", "cusum", "pageHinkley", "seasonal", "isolationForest"];

    /// <summary>Creates the detector <paramref name="options"/> names, or throws <see cref="ArgumentException"/> for an unknown name or bad options.</summary>
    public static IAnomalyDetector Create(AnomalySeriesOptions options) => options.Detector.ToUpperInvariant() switch
    {
        "ENSEMBLE" => AnomalyDetectors.CreateEnsemble(options.Ensemble),
        "RULES" => AnomalyDetectors.CreateRules(options.Rules),
        "LIKELIHOOD" => AnomalyDetectors.CreateLikelihood(options.Likelihood),
        "EWMAZSCORE" => AnomalyDetectors.CreateEwmaZScore(options.EwmaZScore),
        "MEDIANMAD" => AnomalyDetectors.CreateMedianMad(options.MedianMad),
        "CUSUM" => AnomalyDetectors.CreateCusum(options.Cusum),
        "PAGEHINKLEY" => AnomalyDetectors.CreatePageHinkley(options.PageHinkley),
        "SEASONAL" => AnomalyDetectors.CreateSeasonal(options.Seasonal),
        "ISOLATIONFOREST" => AnomalyDetectors.CreateIsolationForest(options.IsolationForest),
        _ => throw new ArgumentException($"'{options.Detector}' is not a detector (known: {string.Join(", ", Names)}).", nameof(options)),
    };

    /// <summary>
    /// Creates the detector for the feed. The ensemble is made without its alert cool-down, which the feed applies itself
    /// (<paramref name="cooldown"/>) from the anomalies it actually raises: inside the detector an alert of the warm-up,
    /// which the feed ignores, would still silence the first real incident after it.
    /// </summary>
    public static IAnomalyDetector CreateForFeed(AnomalySeriesOptions options, out int cooldown)
    {
        cooldown = 0;
        if (!string.Equals(options.Detector, "ensemble", StringComparison.OrdinalIgnoreCase))
        {
            return Create(options);
        }

        var ensemble = options.Ensemble.ValidatedCopy();
        cooldown = ensemble.CooldownObservations;
        ensemble.CooldownObservations = 0;
        return AnomalyDetectors.CreateEnsemble(ensemble);
    }

    /// <summary>The canonical spelling of a known name, for events.</summary>
    public static string Canonical(string name) => Array.Find(Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) ?? name;
}
