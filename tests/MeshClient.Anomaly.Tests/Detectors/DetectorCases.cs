namespace MeshClient.Anomaly.Tests.Detectors;

/// <summary>The detectors every contract test runs against, and a deterministic noisy test series.</summary>
internal static class DetectorCases
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Names => new()
    {
        "likelihood", "ewmaZScore", "ensemble", "ensembleAll", "rules", "medianMad", "cusum", "pageHinkley", "seasonal", "isolationForest",
    };

    /// <summary>The detectors meant to flag a single spike (the change detectors CUSUM and Page-Hinkley clip it on purpose).</summary>
    public static TheoryData<string> SpikeNames => new()
    {
        "likelihood", "ewmaZScore", "ensemble", "ensembleAll", "rules", "medianMad", "seasonal", "isolationForest",
    };

    public static IAnomalyDetector Create(string name) => name switch
    {
        "likelihood" => AnomalyDetectors.CreateLikelihood(),
        "ewmaZScore" => AnomalyDetectors.CreateEwmaZScore(),
        "ensemble" => AnomalyDetectors.CreateDefault(),
        "ensembleAll" => AnomalyDetectors.CreateEnsemble(new EnsembleOptions { Members = AllMembers }),
        "rules" => AnomalyDetectors.CreateRules(),
        "medianMad" => AnomalyDetectors.CreateMedianMad(),
        "cusum" => AnomalyDetectors.CreateCusum(),
        "pageHinkley" => AnomalyDetectors.CreatePageHinkley(),
        "seasonal" => AnomalyDetectors.CreateSeasonal(),
        "isolationForest" => AnomalyDetectors.CreateIsolationForest(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public const EnsembleMembers AllMembers = EnsembleMembers.EwmaZScore | EnsembleMembers.Seasonal | EnsembleMembers.MedianMad
        | EnsembleMembers.Cusum | EnsembleMembers.PageHinkley | EnsembleMembers.IsolationForest;

    /// <summary>Gaussian noise around a level (Box-Muller over a seeded <see cref="Random"/>).</summary>
    public static double[] Gaussian(int count, double mean = 100.0, double sd = 1.0, int seed = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => mean + (sd * Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble())))
            .ToArray();
    }

    public static double[] Noisy(int count, int seed = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => 100.0 + (10.0 * Math.Sin(i / 20.0)) + random.NextDouble()).ToArray();
    }

    public static double[] ScoreAll(IAnomalyDetector detector, IReadOnlyList<double> values)
    {
        var scores = new double[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            scores[i] = detector.Observe(Start.AddMinutes(5 * i), values[i]);
        }

        return scores;
    }
}
