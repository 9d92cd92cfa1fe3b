using MeshClient.Anomaly.Tests.Detectors;

namespace MeshClient.Anomaly.Tests.Cusum;

public class CusumDetectorTests
{
    [Fact]
    public void Observe_ShiftOfOneAndAHalfSigma_AlertsWithinTwentyObservations()
    {
        var values = DetectorCases.Gaussian(1000);
        for (var i = 600; i < values.Length; i++)
        {
            values[i] += 1.5;
        }

        var scores = DetectorCases.ScoreAll(AnomalyDetectors.CreateCusum(), values);

        SeriesShapes.FirstAlert(scores).Should().BeInRange(600, 620);
    }

    [Fact]
    public void Observe_SingleSpike_IsClippedAndDoesNotAlert()
    {
        var values = DetectorCases.Gaussian(1000);
        values[700] = 200.0;

        var scores = DetectorCases.ScoreAll(AnomalyDetectors.CreateCusum(), values);

        scores.Should().OnlyContain(static s => s < 0.5);
        scores[700].Should().BeGreaterThan(0.2);
    }

    [Fact]
    public void Observe_PersistentShift_AlertsOnceNotForEveryShiftedValue()
    {
        var values = DetectorCases.Gaussian(3000);
        for (var i = 600; i < values.Length; i++)
        {
            values[i] -= 3.0;
        }

        var scores = DetectorCases.ScoreAll(AnomalyDetectors.CreateCusum(new CusumOptions { CooldownObservations = 0 }), values);

        scores.Count(static s => s >= 0.5).Should().BeInRange(1, 3);
    }
}
