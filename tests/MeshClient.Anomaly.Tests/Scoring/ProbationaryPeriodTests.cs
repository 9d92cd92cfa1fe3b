using MeshClient.Nab.Scoring;

namespace MeshClient.Anomaly.Tests.Scoring;

public class ProbationaryPeriodTests
{
    [Theory]
    [InlineData(1000, 150)]
    [InlineData(4032, 604)]
    [InlineData(4730, 709)]
    [InlineData(1243, 186)]
    [InlineData(5315, 750)]
    [InlineData(22695, 750)]
    public void Length_FileRows_IsFifteenPercentCappedAt750(int rows, int expected) =>
        ProbationaryPeriod.Length(rows).Should().Be(expected);
}
