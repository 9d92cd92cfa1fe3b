namespace MeshClient.Anomaly.Tests.Detectors;

/// <summary>Synthetic series with known answers: daily cycles at five-minute buckets, gaps and first-alert lookup.</summary>
internal static class SeriesShapes
{
    public const int PerDay = 288;

    /// <summary>A daily sine of amplitude 10 around 100 with Gaussian noise (sd 0.2), one value per five minutes.</summary>
    public static double[] Daily(int days, int seed = 1)
    {
        var noise = DetectorCases.Gaussian(days * PerDay, mean: 0.0, sd: 0.2, seed: seed);
        return Enumerable.Range(0, noise.Length).Select(i => 100.0 + (10.0 * Math.Sin(2.0 * Math.PI * i / PerDay)) + noise[i]).ToArray();
    }

    public static double[] ScoreAt(IAnomalyDetector detector, IReadOnlyList<double> values, IReadOnlyList<DateTimeOffset> times)
    {
        var scores = new double[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            scores[i] = detector.Observe(times[i], values[i]);
        }

        return scores;
    }

    public static int FirstAlert(IReadOnlyList<double> scores, int from = 0, double level = 0.5)
    {
        for (var i = from; i < scores.Count; i++)
        {
            if (scores[i] >= level)
            {
                return i;
            }
        }

        return -1;
    }
}
