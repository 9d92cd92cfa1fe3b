using MeshClient.Nab.Results;
using MeshClient.Nab.Scoring;

namespace MeshClient.Anomaly.Tests.Nab;

/// <summary>
/// The scorer check: NAB's published raw <c>numenta</c> (HTM) results on the 41 shared files, scored at NAB's published
/// thresholds, give 68.58 / 61.54 / 72.77. Needs the shared data folder (see <see cref="SharedData"/>).
/// </summary>
public class PublishedNumentaScoreTests
{
    [SkippableFact]
    public void Score_NumentaResultsAtPublishedThresholds_ReproducesNabScores()
    {
        var scores = ScoreNumenta(published: true);

        scores.Select(static score => score.Profile).Should().Equal("standard", "reward_low_FP_rate", "reward_low_FN_rate");
        scores[0].NormalizedScore.Should().BeApproximately(68.58, 0.01);
        scores[1].NormalizedScore.Should().BeApproximately(61.54, 0.01);
        scores[2].NormalizedScore.Should().BeApproximately(72.77, 0.01);
    }

    [SkippableFact]
    public void Score_NumentaResultsOptimised_FindsAtLeastThePublishedScores()
    {
        var scores = ScoreNumenta(published: false);

        scores[0].NormalizedScore.Should().BeApproximately(68.58, 0.01);
        scores[1].NormalizedScore.Should().BeApproximately(62.21, 0.01);
        scores[2].NormalizedScore.Should().BeApproximately(72.77, 0.01);
    }

    private static IReadOnlyList<ProfileScore> ScoreNumenta(bool published)
    {
        var nab = SharedData.NabFolder();
        if (nab is null && SharedData.Required)
        {
            throw new InvalidOperationException("MESH_REQUIRE_EXTERNAL_TOOLS=1 but the shared NAB data was not found (set MESH_SHARED_DIR).");
        }

        Skip.If(nab is null, "Shared NAB data not found: set MESH_SHARED_DIR to the shared folder (with data/nab/results/numenta).");
        var labels = LabelWindowsReader.Read(Path.Combine(nab!, "labels", "combined_windows.json"));
        var corpus = CorpusLoader.Load(Path.Combine(nab!, "results"), "numenta", labels);
        corpus.Should().HaveCount(41);
        corpus.Sum(static series => series.Windows.Count).Should().Be(69);
        var thresholds = published ? PublishedThresholdsReader.Read(Path.Combine(nab!, "config", "thresholds.json"), "numenta") : null;
        return CorpusScorer.Score(corpus, ProfilesReader.Read(Path.Combine(nab!, "config", "profiles.json")), thresholds);
    }
}
