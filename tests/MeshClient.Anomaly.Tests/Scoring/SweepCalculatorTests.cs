using MeshClient.Nab.Scoring;

namespace MeshClient.Anomaly.Tests.Scoring;

public class SweepCalculatorTests
{
    [Theory]
    [InlineData(500, 1.0)]
    [InlineData(600, -0.002777187474616506)]
    [InlineData(601, -0.005550836740259524)]
    [InlineData(895, -0.10999992921530301)]
    [InlineData(900, -0.11)]
    [InlineData(300, -0.11)]
    public void Calculate_NabTestVector_MatchesPublishedSweepValue(int row, double expected)
    {
        var file = SyntheticFile.Swept(SyntheticFile.WithDetections(), SyntheticFile.Standard);

        file.Rows[row - 150].Sweep.Should().BeApproximately(expected, 1e-15);
    }

    [Fact]
    public void Calculate_ProbationaryRows_AreDropped()
    {
        var file = SyntheticFile.Swept(SyntheticFile.WithDetections(), SyntheticFile.Standard);

        file.Rows.Should().HaveCount(850);
        file.WindowCount.Should().Be(1);
    }

    [Fact]
    public void Calculate_RowsInsideWindow_CarryWindowIndexAndDecreasingSweep()
    {
        var file = SyntheticFile.Swept(SyntheticFile.WithDetections(), SyntheticFile.Standard);

        var inside = file.Rows.Skip(350).Take(100).ToList();
        inside.Should().OnlyContain(row => row.Window == 0);
        inside.Select(row => row.Sweep).Should().BeInDescendingOrder();
        file.Rows[349].Window.Should().Be(-1);
        file.Rows[450].Window.Should().Be(-1);
    }

    [Fact]
    public void Calculate_SecondWindow_ResetsPositionAndPenalisesAfterMostRecentWindow()
    {
        var series = new ScoredSeries("f", new double[1000], [new RowWindow(300, 349), new RowWindow(600, 699)]);

        var file = SweepCalculator.Calculate(series.Key, series.Scores, series.Windows, SyntheticFile.Standard);

        file.Rows[600 - 150].Sweep.Should().BeApproximately(1.0, 1e-15);
        file.Rows[600 - 150].Window.Should().Be(1);
        file.Rows[700 - 150].Sweep.Should().BeApproximately(ScaledSigmoid.Of(1.0 / 99) * 0.11, 1e-15);
    }
}
