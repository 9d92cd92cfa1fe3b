using MeshClient.Anomaly.Tests.Detectors;

namespace MeshClient.Anomaly.Tests.PageHinkley;

public class PageHinkleyDetectorTests
{
    [Fact]
    public void Observe_SlowUpwardDrift_AlertsAfterTheDriftStartsAndNotBefore()
    {
        var values = DetectorCases.Gaussian(1500);
        for (var i = 500; i < values.Length; i++)
        {
            values[i] += 0.05 * (i - 500);
        }

        var scores = DetectorCases.ScoreAll(AnomalyDetectors.CreatePageHinkley(), values);

        SeriesShapes.FirstAlert(scores).Should().BeInRange(500, 650);
    }

    [Fact]
    public void Observe_DownwardStep_Alerts()
    {
        var values = DetectorCases.Gaussian(1000);
        for (var i = 700; i < values.Length; i++)
        {
            values[i] -= 2.0;
        }

        var scores = DetectorCases.ScoreAll(AnomalyDetectors.CreatePageHinkley(), values);

        SeriesShapes.FirstAlert(scores).Should().BeInRange(700, 730);
    }

    [Fact]
    public void Observe_StationaryNoise_NeverAlerts()
    {
        var scores = DetectorCases.ScoreAll(AnomalyDetectors.CreatePageHinkley(), DetectorCases.Gaussian(5000, seed: 5));

        scores.Should().OnlyContain(static s => s < 0.5);
    }
}
