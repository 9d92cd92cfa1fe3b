using MeshClient.Nab.Scoring;

namespace MeshClient.Anomaly.Tests.Scoring;

public class FileScorerTests
{
    [Theory]
    [InlineData(new int[0], -1.0)]
    [InlineData(new[] { 500 }, 1.0)]
    [InlineData(new[] { 550 }, 0.8597925669097837)]
    [InlineData(new[] { 599 }, 0.025333905068325228)]
    [InlineData(new[] { 500, 550 }, 1.0)]
    [InlineData(new[] { 700 }, -1.1086681814665609)]
    [InlineData(new[] { 300 }, -1.11)]
    [InlineData(new[] { 100 }, -1.0)]
    [InlineData(new[] { 550, 700, 300 }, 0.6411243854432228)]
    public void ScoreAt_NabTestVector_MatchesPublishedFileScore(int[] detections, double expected)
    {
        var file = SyntheticFile.Swept(SyntheticFile.WithDetections(detections), SyntheticFile.Standard);

        FileScorer.ScoreAt(file, 0.5, SyntheticFile.Standard).Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void ScoreAt_ScoreEqualToThreshold_CountsAsDetection()
    {
        var series = SyntheticFile.WithDetections(500);
        var file = SyntheticFile.Swept(series, SyntheticFile.Standard);

        FileScorer.ScoreAt(file, 1.0, SyntheticFile.Standard).Should().Be(1.0);
        FileScorer.ScoreAt(file, Math.BitIncrement(1.0), SyntheticFile.Standard).Should().Be(-1.0);
    }

    [Fact]
    public void ScoreAt_LowFalseNegativeProfile_ChargesMissedWindowTwice()
    {
        var file = SyntheticFile.Swept(SyntheticFile.WithDetections(), SyntheticFile.LowFalseNegatives);

        FileScorer.ScoreAt(file, 0.5, SyntheticFile.LowFalseNegatives).Should().Be(-2.0);
    }

    [Fact]
    public void ScoreAt_LowFalsePositiveProfile_DoublesFalsePositiveCost()
    {
        var file = SyntheticFile.Swept(SyntheticFile.WithDetections(300), SyntheticFile.LowFalsePositives);

        FileScorer.ScoreAt(file, 0.5, SyntheticFile.LowFalsePositives).Should().BeApproximately(-1.22, 1e-12);
    }
}
