using MeshClient.Anomaly.Tests.Detectors;

namespace MeshClient.Anomaly.Tests.MedianMad;

public class MedianMadDetectorTests
{
    [Fact]
    public void Observe_SpikeAfterABurstOfOutliers_StillScoresHigh()
    {
        var values = DetectorCases.Gaussian(1000);
        for (var i = 600; i < 620; i++)
        {
            values[i] = 150.0;
        }

        values[800] = 110.0;

        var scores = DetectorCases.ScoreAll(AnomalyDetectors.CreateMedianMad(), values);

        scores[800].Should().BeGreaterThan(0.6);
        scores.Skip(100).Take(500).Should().OnlyContain(static s => s < 0.5);
    }

    [Fact]
    public void Observe_StepOutOfAFlatLine_ScoresNearOne()
    {
        var values = Enumerable.Repeat(5.0, 300).Concat([6.0]).ToArray();

        var scores = DetectorCases.ScoreAll(AnomalyDetectors.CreateMedianMad(), values);

        scores.Take(300).Should().OnlyContain(static s => s == 0.0);
        scores[300].Should().BeGreaterThan(0.99);
    }

    [Fact]
    public void Observe_DuringWarmup_ScoresZero()
    {
        var scores = DetectorCases.ScoreAll(AnomalyDetectors.CreateMedianMad(new MedianMadOptions { WarmupObservations = 50 }), [1, 100, 1, 100, 5000]);

        scores.Should().OnlyContain(static s => s == 0.0);
    }
}
