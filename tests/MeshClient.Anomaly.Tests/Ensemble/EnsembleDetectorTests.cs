using MeshClient.Anomaly.Tests.Detectors;

namespace MeshClient.Anomaly.Tests.Ensemble;

public class EnsembleDetectorTests
{
    private const int Spike = (7 * SeriesShapes.PerDay) + (3 * SeriesShapes.PerDay / 4);

    [Fact]
    public void CreateDefault_SeasonalSpikeInsideTheSeenRange_AlertsOnlyThere()
    {
        var values = SeriesShapes.Daily(9);
        values[Spike] = 100.0;

        var scores = DetectorCases.ScoreAll(AnomalyDetectors.CreateDefault(), values);

        scores[Spike].Should().BeGreaterThan(0.5);
        scores.Skip(3 * SeriesShapes.PerDay).Where((_, i) => i != Spike - (3 * SeriesShapes.PerDay)).Should().OnlyContain(static s => s < 0.5);
    }

    [Fact]
    public void CreateDefault_StepUp_AlertsOnceThenCoolsDown()
    {
        var values = DetectorCases.Noisy(3000);
        for (var i = 2000; i < values.Length; i++)
        {
            values[i] += 30.0;
        }

        var scores = DetectorCases.ScoreAll(AnomalyDetectors.CreateDefault(), values);

        scores[2000].Should().Be(1.0, "a new extreme beyond the seen range");
        scores.Skip(2001).Take(100).Should().OnlyContain(static s => s == 0.0);
        scores.Skip(500).Take(1500).Should().OnlyContain(static s => s < 0.5);
    }

    [Fact]
    public void CreateEnsemble_NoMembersNoSpatialRule_NeverAlerts()
    {
        var values = DetectorCases.Gaussian(1000);
        values[900] = 1e6;

        var scores = DetectorCases.ScoreAll(AnomalyDetectors.CreateEnsemble(new EnsembleOptions { Members = EnsembleMembers.None, SpatialTolerance = -1 }), values);

        scores.Should().OnlyContain(static s => s == 0.0);
    }

    [Fact]
    public void CreateEnsemble_InvalidMemberOptions_Throws() =>
        FluentActions.Invoking(static () => AnomalyDetectors.CreateEnsemble(new EnsembleOptions { Seasonal = new SeasonalOptions { Slots = 0 } }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Slots");
}
