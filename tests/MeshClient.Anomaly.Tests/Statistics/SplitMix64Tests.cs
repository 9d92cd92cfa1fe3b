using MeshClient.Anomaly.Statistics;

namespace MeshClient.Anomaly.Tests.Statistics;

public class SplitMix64Tests
{
    [Fact]
    public void Next_SeedZero_MatchesReferenceSequence()
    {
        var random = new SplitMix64(0);

        random.Next().Should().Be(0xE220A8397B1DCDAFUL);
        random.Next().Should().Be(0x6E789E6AA1B965F4UL);
    }

    [Fact]
    public void NextInt_ManyDraws_StaysWithinBoundAndCoversIt()
    {
        var random = new SplitMix64(42);

        var draws = Enumerable.Range(0, 1000).Select(_ => random.NextInt(7)).ToArray();

        draws.Should().OnlyContain(static x => x >= 0 && x < 7);
        draws.Distinct().Should().HaveCount(7);
    }
}
