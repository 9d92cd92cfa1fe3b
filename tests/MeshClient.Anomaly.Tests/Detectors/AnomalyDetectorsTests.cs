namespace MeshClient.Anomaly.Tests.Detectors;

public class AnomalyDetectorsTests
{
    [Fact]
    public void CreateEwmaZScore_AlphaOutOfRange_Throws() =>
        FluentActions.Invoking(static () => AnomalyDetectors.CreateEwmaZScore(new EwmaZScoreOptions { Alpha = 1.0 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Alpha");

    [Fact]
    public void CreateLikelihood_HistoryTooShort_Throws() =>
        FluentActions.Invoking(static () => AnomalyDetectors.CreateLikelihood(new AnomalyLikelihoodOptions { HistoryLength = 1 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("HistoryLength");

    [Fact]
    public void CreateEwmaZScore_OptionsChangedLater_DetectorKeepsItsCopy()
    {
        var options = new EwmaZScoreOptions { CooldownObservations = 0 };
        var detector = AnomalyDetectors.CreateEwmaZScore(options);
        options.CooldownObservations = 1000;
        var values = DetectorCases.Noisy(300);
        values[200] = values[201] = 1000.0;

        var scores = DetectorCases.ScoreAll(detector, values);

        scores[201].Should().BeGreaterThan(0.0);
    }

    [Fact]
    public void CreateEwmaZScore_Cooldown_SilencesObservationsAfterAnAlert()
    {
        var detector = AnomalyDetectors.CreateEwmaZScore(new EwmaZScoreOptions { CooldownObservations = 10 });
        var values = DetectorCases.Noisy(300);
        values[200] = 1000.0;
        values[205] = 1000.0;

        var scores = DetectorCases.ScoreAll(detector, values);

        scores[200].Should().BeGreaterThan(0.9);
        scores.Skip(201).Take(10).Should().OnlyContain(static score => score == 0.0);
    }

    [Fact]
    public void CreateLikelihood_BeforeEstimate_ReportsNeutralLogLikelihood()
    {
        var scores = DetectorCases.ScoreAll(AnomalyDetectors.CreateLikelihood(), Enumerable.Repeat(5.0, 100).ToArray());

        scores.Should().OnlyContain(static score => Math.Abs(score - 0.0301029995) < 1e-6);
    }
}
