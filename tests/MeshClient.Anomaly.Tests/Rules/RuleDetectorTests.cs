using MeshClient.Anomaly.Tests.Detectors;

namespace MeshClient.Anomaly.Tests.Rules;

public class RuleDetectorTests
{
    private static readonly RuleOptions Upper = new()
    {
        UpperThreshold = 10, UpperClear = 8, Buckets = 3, ClearBuckets = 2, SpatialTolerance = -1,
    };

    [Fact]
    public void Observe_ThreeConsecutiveBreaches_AlertsOnceOnTheThird()
    {
        var scores = DetectorCases.ScoreAll(AnomalyDetectors.CreateRules(Upper), [5, 11, 11, 5, 11, 11, 11, 11, 11]);

        scores.Should().Equal(0, 0.5 / 3, 1.0 / 3, 0, 0.5 / 3, 1.0 / 3, 1, 0, 0);
    }

    [Fact]
    public void Observe_Hysteresis_ReArmsOnlyAfterClearBucketsBelowTheClearLevel()
    {
        double[] values = [11, 11, 11, 9, 7, 9, 7, 7, 11, 11, 11];

        var scores = DetectorCases.ScoreAll(AnomalyDetectors.CreateRules(Upper), values);

        scores.Should().Equal(0.5 / 3, 1.0 / 3, 1, 0, 0, 0, 0, 0, 0.5 / 3, 1.0 / 3, 1);
    }

    [Fact]
    public void Observe_GapLongerThanMaxGap_RestartsTheRun()
    {
        var detector = AnomalyDetectors.CreateRules(new RuleOptions { UpperThreshold = 10, Buckets = 3, MaxGap = TimeSpan.FromMinutes(10), SpatialTolerance = -1 });
        var start = DetectorCases.Start;

        var scores = SeriesShapes.ScoreAt(detector, [11, 11, 11, 11], [start, start.AddMinutes(5), start.AddHours(1), start.AddHours(1).AddMinutes(5)]);

        scores.Should().Equal(0.5 / 3, 1.0 / 3, 0.5 / 3, 1.0 / 3);
    }

    [Fact]
    public void Observe_LowerThreshold_AlertsOnDips()
    {
        var detector = AnomalyDetectors.CreateRules(new RuleOptions { LowerThreshold = 0, Buckets = 2, SpatialTolerance = -1 });

        DetectorCases.ScoreAll(detector, [1, -1, -1, 1]).Should().Equal(0, 0.25, 1, 0);
    }

    [Fact]
    public void Observe_ValueFarOutsideSeenRange_SpatialRuleScoresOne()
    {
        var values = DetectorCases.Noisy(500);
        values[400] = 150.0;

        var scores = DetectorCases.ScoreAll(AnomalyDetectors.CreateRules(), values);

        scores[400].Should().Be(1.0);
        scores.Skip(300).Where((_, i) => i != 100).Should().OnlyContain(static s => s == 0.0);
    }

    [Fact]
    public void CreateRules_ClearAboveThreshold_Throws() =>
        FluentActions.Invoking(static () => AnomalyDetectors.CreateRules(new RuleOptions { UpperThreshold = 5, UpperClear = 6 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("UpperClear");
}
