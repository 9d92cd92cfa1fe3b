using MeshClient.Nab.Scoring;

namespace MeshClient.Anomaly.Tests.Scoring;

public class ScoreNormalizerTests
{
    [Theory]
    [InlineData(-116.0, 0.0)]
    [InlineData(116.0, 100.0)]
    [InlineData(46.6344501971, 70.10)]
    public void Normalise_StandardProfileFullCorpus_MatchesNab(double raw, double expected) =>
        ScoreNormalizer.Normalise(raw, 116, SyntheticFile.Standard).Should().BeApproximately(expected, 0.005);

    [Fact]
    public void Normalise_LowFalseNegativeProfile_UsesTwiceWindowsAsNull()
    {
        ScoreNormalizer.Normalise(26.6344501971, 116, SyntheticFile.LowFalseNegatives).Should().BeApproximately(74.32, 0.005);
        ScoreNormalizer.Normalise(-232.0, 116, SyntheticFile.LowFalseNegatives).Should().Be(0.0);
    }
}
