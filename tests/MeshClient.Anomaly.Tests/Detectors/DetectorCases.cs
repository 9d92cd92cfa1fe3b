namespace MeshClient.Anomaly.Tests.Detectors;

/// <summary>The detectors every contract test runs against, and a deterministic noisy test series.</summary>
internal static class DetectorCases
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Names => new() { "likelihood", "ewmaZScore" };

    public static IAnomalyDetector Create(string name) => name switch
    {
        "likelihood" => AnomalyDetectors.CreateLikelihood(),
        "ewmaZScore" => AnomalyDetectors.CreateEwmaZScore(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

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
