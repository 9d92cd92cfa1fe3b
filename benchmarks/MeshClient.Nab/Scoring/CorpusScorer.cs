namespace MeshClient.Nab.Scoring;

/// <summary>
/// Scores a detector's results over a corpus for every profile, either at one optimised threshold per profile
/// (shared by all files) or at given (published) thresholds.
/// </summary>
internal static class CorpusScorer
{
    public static IReadOnlyList<ProfileScore> Score(
        IReadOnlyList<ScoredSeries> corpus,
        IReadOnlyList<CostProfile> profiles,
        IReadOnlyDictionary<string, double>? thresholds)
    {
        var windowCount = corpus.Sum(static series => series.Windows.Count);
        var results = new List<ProfileScore>(profiles.Count);
        foreach (var profile in profiles)
        {
            var swept = corpus.Select(series => SweepCalculator.Calculate(series.Key, series.Scores, series.Windows, profile)).ToList();
            ThresholdScore chosen;
            if (thresholds is null)
            {
                chosen = ThresholdOptimizer.Optimise(swept, profile);
            }
            else
            {
                if (!thresholds.TryGetValue(profile.Name, out var threshold))
                {
                    throw new InvalidDataException($"No published threshold for profile '{profile.Name}'.");
                }

                chosen = new ThresholdScore(threshold, swept.Sum(file => FileScorer.ScoreAt(file, threshold, profile)));
            }

            results.Add(new ProfileScore(
                profile.Name,
                chosen.Threshold,
                chosen.RawScore,
                ScoreNormalizer.Normalise(chosen.RawScore, windowCount, profile)));
        }

        return results;
    }
}
