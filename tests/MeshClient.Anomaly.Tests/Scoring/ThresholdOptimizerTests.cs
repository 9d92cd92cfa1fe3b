using MeshClient.Nab.Scoring;

namespace MeshClient.Anomaly.Tests.Scoring;

public class ThresholdOptimizerTests
{
    [Fact]
    public void Optimise_NoUsefulDetection_KeepsNoDetectionThreshold()
    {
        var series = new ScoredSeries("f", Scores(1000, (300, 0.9)), [new RowWindow(500, 599)]);

        var best = ThresholdOptimizer.Optimise([SyntheticFile.Swept(series, SyntheticFile.Standard)], SyntheticFile.Standard);

        best.Should().Be(new ThresholdScore(ThresholdOptimizer.NoDetections, -1.0));
    }

    [Fact]
    public void Optimise_TruePositiveBelowFalsePositive_PicksLowerThresholdWhenWorthIt()
    {
        var series = new ScoredSeries("f", Scores(1000, (300, 0.9), (500, 0.7), (800, 0.3)), [new RowWindow(500, 599)]);

        var best = ThresholdOptimizer.Optimise([SyntheticFile.Swept(series, SyntheticFile.Standard)], SyntheticFile.Standard);

        best.Threshold.Should().Be(0.7);
        best.RawScore.Should().BeApproximately(1.0 - 0.11, 1e-12);
    }

    [Fact]
    public void Optimise_EqualScores_EnterTogether()
    {
        var series = new ScoredSeries("f", Scores(1000, (300, 0.8), (500, 0.8)), [new RowWindow(500, 599)]);

        var best = ThresholdOptimizer.Optimise([SyntheticFile.Swept(series, SyntheticFile.Standard)], SyntheticFile.Standard);

        best.Should().Be(new ThresholdScore(0.8, 1.0 - 0.11));
    }

    [Fact]
    public void Optimise_SeveralFiles_SharesOneThresholdAndMatchesFileScorer()
    {
        var profile = SyntheticFile.Standard;
        var random = new Random(7);
        var files = Enumerable.Range(0, 5)
            .Select(index => new ScoredSeries($"f{index}", Enumerable.Range(0, 1000).Select(_ => Math.Round(random.NextDouble(), 2)).ToArray(), [new RowWindow(400 + (index * 50), 499 + (index * 50))]))
            .Select(series => SyntheticFile.Swept(series, profile))
            .ToList();

        var best = ThresholdOptimizer.Optimise(files, profile);

        var exhaustive = files.SelectMany(file => file.Rows).Select(row => row.AnomalyScore).Distinct()
            .Select(threshold => files.Sum(file => FileScorer.ScoreAt(file, threshold, profile)))
            .Append(-5.0)
            .Max();
        best.RawScore.Should().BeApproximately(exhaustive, 1e-9);
        files.Sum(file => FileScorer.ScoreAt(file, best.Threshold, profile)).Should().BeApproximately(best.RawScore, 1e-9);
    }

    private static double[] Scores(int rows, params (int Row, double Score)[] detections)
    {
        var scores = new double[rows];
        foreach (var (row, score) in detections)
        {
            scores[row] = score;
        }

        return scores;
    }
}
