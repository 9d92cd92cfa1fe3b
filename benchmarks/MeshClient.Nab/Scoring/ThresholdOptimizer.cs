namespace MeshClient.Nab.Scoring;

/// <summary>
/// NAB's current optimiser (<c>optimizer.py</c> over <c>Sweeper.calcScoreByThreshold</c>): pools the scorable rows of
/// all files, walks them by descending anomaly score from θ = 1.1 (no detections) and keeps the threshold with the
/// highest corpus score; rows of equal score enter together and ties keep the higher threshold. O(R log R).
/// </summary>
internal static class ThresholdOptimizer
{
    public const double NoDetections = 1.1;

    public static ThresholdScore Optimise(IReadOnlyList<SweptFile> files, CostProfile profile)
    {
        var pooled = new List<SweepRow>();
        var windows = 0;
        foreach (var file in files)
        {
            foreach (var row in file.Rows)
            {
                pooled.Add(row with { Window = row.Window < 0 ? -1 : windows + row.Window });
            }

            windows += file.WindowCount;
        }

        pooled.Sort(static (a, b) => b.AnomalyScore.CompareTo(a.AnomalyScore));
        var best = new double?[windows];
        var total = -profile.FnWeight * windows;
        var result = new ThresholdScore(NoDetections, total);
        for (var i = 0; i < pooled.Count;)
        {
            var threshold = pooled[i].AnomalyScore;
            for (; i < pooled.Count && pooled[i].AnomalyScore == threshold; i++)
            {
                total += Gain(pooled[i], best, profile);
            }

            if (total > result.RawScore)
            {
                result = new ThresholdScore(threshold, total);
            }
        }

        return result;
    }

    private static double Gain(SweepRow row, double?[] best, CostProfile profile)
    {
        if (row.Window < 0)
        {
            return row.Sweep;
        }

        if (best[row.Window] is not { } seen)
        {
            best[row.Window] = row.Sweep;
            return profile.FnWeight + row.Sweep;
        }

        if (row.Sweep <= seen)
        {
            return 0.0;
        }

        best[row.Window] = row.Sweep;
        return row.Sweep - seen;
    }
}
