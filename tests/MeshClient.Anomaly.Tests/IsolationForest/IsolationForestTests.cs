using MeshClient.Anomaly.Tests.Detectors;

namespace MeshClient.Anomaly.Tests.IsolationForest;

public class IsolationForestTests
{
    private static readonly double[][] Outliers = [[6, 6], [-7, 5], [8, -6], [0, 9]];

    [Fact]
    public void Score_TwoDimensionalCluster_OutliersAboveSixTenthsInliersBelowOneHalf()
    {
        var (rows, inliers) = Dataset();
        var forest = new MeshClient.Anomaly.IsolationForest(2);

        forest.Fit(rows);

        Outliers.Should().OnlyContain(point => forest.Score(point) > 0.6);
        inliers.Should().OnlyContain(point => forest.Score(point) < 0.5);
    }

    [Fact]
    public void Score_SameSeedSameData_IdenticalScores()
    {
        var (rows, inliers) = Dataset();
        var a = new MeshClient.Anomaly.IsolationForest(2, new IsolationForestOptions { Seed = 7 });
        var b = new MeshClient.Anomaly.IsolationForest(2, new IsolationForestOptions { Seed = 7 });
        var c = new MeshClient.Anomaly.IsolationForest(2, new IsolationForestOptions { Seed = 8 });

        a.Fit(rows);
        b.Fit(rows);
        c.Fit(rows);

        inliers.Select(p => a.Score(p)).Should().Equal(inliers.Select(p => b.Score(p)));
        inliers.Select(p => a.Score(p)).Should().NotEqual(inliers.Select(p => c.Score(p)));
    }

    [Fact]
    public void Observe_UnivariateDetectorsWithTheSameSeed_ProduceTheSameScores()
    {
        var values = DetectorCases.Noisy(3000);

        var a = DetectorCases.ScoreAll(AnomalyDetectors.CreateIsolationForest(), values);
        var b = DetectorCases.ScoreAll(AnomalyDetectors.CreateIsolationForest(), values);

        a.Should().Equal(b);
        a.Skip(1024).Should().Contain(static s => s > 0.0);
    }

    [Fact]
    public void Score_BeforeFit_IsZero() => new MeshClient.Anomaly.IsolationForest(3).Score([1.0, 2.0, 3.0]).Should().Be(0.0);

    [Fact]
    public void Fit_RowsNotAMultipleOfTheDimensions_Throws() =>
        FluentActions.Invoking(static () => new MeshClient.Anomaly.IsolationForest(2).Fit([1.0, 2.0, 3.0]))
            .Should().Throw<ArgumentException>().WithParameterName("rows");

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 1.0)]
    [InlineData(256, 10.244770920116851)]
    public void AveragePathLength_KnownSizes_MatchesTheFormula(int n, double expected) =>
        AveragePathLength.Of(n).Should().BeApproximately(expected, 1e-9);

    /// <summary>500 points of a standard 2-D normal cluster plus the four outliers; inliers are the points within radius 1.5.</summary>
    private static (double[] Rows, double[][] Inliers) Dataset()
    {
        var x = DetectorCases.Gaussian(500, mean: 0.0, sd: 1.0, seed: 11);
        var y = DetectorCases.Gaussian(500, mean: 0.0, sd: 1.0, seed: 12);
        var points = x.Zip(y, static (a, b) => new[] { a, b }).ToList();
        var inliers = points.Where(static p => Math.Sqrt((p[0] * p[0]) + (p[1] * p[1])) < 1.5).ToArray();
        return ([.. points.Concat(Outliers).SelectMany(static p => p)], inliers);
    }
}
