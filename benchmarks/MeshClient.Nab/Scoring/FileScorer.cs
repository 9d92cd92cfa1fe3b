namespace MeshClient.Nab.Scoring;

/// <summary>
/// A file's raw score at a threshold (detection iff <c>score &gt;= θ</c>): per window the best (earliest) detection's
/// sweep score or <c>-fn</c> when missed, plus the (negative) sweep score of every detection outside the windows.
/// </summary>
internal static class FileScorer
{
    public static double ScoreAt(SweptFile file, double threshold, CostProfile profile)
    {
        var best = new double?[file.WindowCount];
        var falsePositives = 0.0;
        foreach (var row in file.Rows)
        {
            if (row.AnomalyScore < threshold)
            {
                continue;
            }

            if (row.Window < 0)
            {
                falsePositives += row.Sweep;
            }
            else if (best[row.Window] is not { } seen || row.Sweep > seen)
            {
                best[row.Window] = row.Sweep;
            }
        }

        var total = falsePositives;
        foreach (var window in best)
        {
            total += window ?? -profile.FnWeight;
        }

        return total;
    }
}
