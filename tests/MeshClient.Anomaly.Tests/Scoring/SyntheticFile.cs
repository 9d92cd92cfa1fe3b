using MeshClient.Nab.Scoring;

namespace MeshClient.Anomaly.Tests.Scoring;

/// <summary>The test-vector file of nab-scoring.md: N = 1000 rows, one window [500, 599], P = 150.</summary>
internal static class SyntheticFile
{
    public static readonly CostProfile Standard = new("standard", 1.0, 0.11, 1.0);
    public static readonly CostProfile LowFalsePositives = new("reward_low_FP_rate", 1.0, 0.22, 1.0);
    public static readonly CostProfile LowFalseNegatives = new("reward_low_FN_rate", 1.0, 0.11, 2.0);

    public static ScoredSeries WithDetections(params int[] rows)
    {
        var scores = new double[1000];
        foreach (var row in rows)
        {
            scores[row] = 1.0;
        }

        return new ScoredSeries("synthetic/file.csv", scores, [new RowWindow(500, 599)]);
    }

    public static SweptFile Swept(ScoredSeries series, CostProfile profile) =>
        SweepCalculator.Calculate(series.Key, series.Scores, series.Windows, profile);
}
