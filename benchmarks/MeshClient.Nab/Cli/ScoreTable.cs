using System.Globalization;
using MeshClient.Nab.Scoring;

namespace MeshClient.Nab.Cli;

/// <summary>Prints one detector's scores as a Markdown table: profile, threshold, raw score, NAB score.</summary>
internal static class ScoreTable
{
    public static void Write(TextWriter output, string detector, IReadOnlyList<ScoredSeries> corpus, string mode, IReadOnlyList<ProfileScore> scores)
    {
        var windows = corpus.Sum(static series => series.Windows.Count);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{detector}: {corpus.Count} files, {windows} windows, thresholds {(mode == "optimise" ? "optimised" : "published")}"));
        output.WriteLine("| profile | threshold | raw score | NAB score |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var score in scores)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {score.Profile} | {score.Threshold:R} | {score.RawScore:F4} | {score.NormalizedScore:F2} |"));
        }

        output.WriteLine();
    }
}
