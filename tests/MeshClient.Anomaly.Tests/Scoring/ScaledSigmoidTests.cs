using MeshClient.Nab.Scoring;

namespace MeshClient.Anomaly.Tests.Scoring;

public class ScaledSigmoidTests
{
    [Theory]
    [InlineData(-1.0, 0.9866142981514305)]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, -0.9866142981514305)]
    [InlineData(3.0001, -1.0)]
    public void Of_KnownPoint_MatchesNab(double x, double expected) =>
        ScaledSigmoid.Of(x).Should().BeApproximately(expected, 1e-15);

    [Fact]
    public void MaxTruePositive_IsSigmoidAtMinusOne() =>
        ScaledSigmoid.MaxTruePositive.Should().Be(ScaledSigmoid.Of(-1.0));
}
