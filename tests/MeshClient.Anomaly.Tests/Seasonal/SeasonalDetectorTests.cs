using MeshClient.Anomaly.Tests.Detectors;

namespace MeshClient.Anomaly.Tests.Seasonal;

public class SeasonalDetectorTests
{
    private const int Spike = (7 * SeriesShapes.PerDay) + (3 * SeriesShapes.PerDay / 4);

    [Fact]
    public void Observe_DailyMeanAtTheDailyTrough_SeasonalAlertsWhereEwmaZScoreCannot()
    {
        var values = SeriesShapes.Daily(9);
        values[Spike] = 100.0;

        var seasonal = DetectorCases.ScoreAll(AnomalyDetectors.CreateSeasonal(), values);
        var ewma = DetectorCases.ScoreAll(AnomalyDetectors.CreateEwmaZScore(), values);

        seasonal[Spike].Should().BeGreaterThan(0.6);
        seasonal.Skip(3 * SeriesShapes.PerDay).Take(4 * SeriesShapes.PerDay).Should().OnlyContain(static s => s < 0.5);
        ewma[Spike].Should().BeLessThan(0.1);
    }

    [Fact]
    public void Observe_MissingBucketsAndJitteredTimestamps_StillAlertsOnlyOnTheSpike()
    {
        var random = new Random(3);
        var values = SeriesShapes.Daily(9);
        values[Spike] = 100.0;
        var kept = Enumerable.Range(0, values.Length).Where(i => i == Spike || random.Next(10) >= 3).ToArray();
        var times = kept.Select(i => DetectorCases.Start.AddMinutes((5 * i) + random.Next(-2, 3))).ToArray();

        var scores = SeriesShapes.ScoreAt(AnomalyDetectors.CreateSeasonal(), kept.Select(i => values[i]).ToArray(), times);

        var spike = Array.IndexOf(kept, Spike);
        scores[spike].Should().BeGreaterThan(0.6);
        scores.Where((_, k) => kept[k] >= 3 * SeriesShapes.PerDay && k != spike).Should().OnlyContain(s => s < scores[spike] - 0.1);
    }
}
