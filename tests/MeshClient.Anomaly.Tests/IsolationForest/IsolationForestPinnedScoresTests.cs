using MeshClient.Anomaly.Tests.Detectors;

namespace MeshClient.Anomaly.Tests.IsolationForest;

/// <summary>
/// Pins the exact scores (every bit) of a seeded forest and of the univariate detector, so that speed-ups of the
/// scoring path (see docs/anomaly.md, "Cost") cannot change a score, not even in its last bit.
/// </summary>
public class IsolationForestPinnedScoresTests
{
    [Fact]
    public void Score_SeededForestOnFixedData_MatchesPinnedBits()
    {
        var values = DetectorCases.Gaussian(3000, mean: 0.0, sd: 1.0, seed: 21);
        var forest = new MeshClient.Anomaly.IsolationForest(3);
        forest.Fit(values.AsSpan(0, 1500));

        var scores = Enumerable.Range(0, 500).Select(i => forest.Score(values.AsSpan(1500 + (3 * i), 3))).ToArray();

        Checksum(scores).Should().Be(13145662946905805645UL);
    }

    [Fact]
    public void Observe_UnivariateDetectorOnFixedSeries_MatchesPinnedBits()
    {
        var scores = DetectorCases.ScoreAll(AnomalyDetectors.CreateIsolationForest(new IsolationForestOptions { CooldownObservations = 0 }), DetectorCases.Noisy(3000));

        Checksum(scores).Should().Be(13450650065893634544UL);
    }

    private static ulong Checksum(IEnumerable<double> scores)
    {
        var sum = 0UL;
        foreach (var score in scores)
        {
            sum = unchecked((sum * 1_000_003UL) + (ulong)BitConverter.DoubleToInt64Bits(score));
        }

        return sum;
    }
}
