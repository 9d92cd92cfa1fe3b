using MeshClient.LoadBalancing;
using MeshClient.LoadBalancing.RandomPick;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.LoadBalancing.RandomPick;

public sealed class RandomLoadBalancerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Pick_SameSeed_SameSequence()
    {
        var states = Balancing.States(_time, "a", "b", "c", "d");

        var first = Balancing.Picker(new RandomLoadBalancer(), states, seed: 7).PickIds(100);
        var second = Balancing.Picker(new RandomLoadBalancer(), states, seed: 7).PickIds(100);

        second.Should().Equal(first);
    }

    [Fact]
    public void Pick_ManyPicks_UniformWithinChiSquareBound()
    {
        const int Picks = 50_000;
        var states = Balancing.States(_time, "a", "b", "c", "d", "e");
        var picker = Balancing.Picker(new RandomLoadBalancer(), states);

        var counts = picker.CountPicks(Picks);

        counts.Should().HaveCount(states.Length);
        var expected = (double)Picks / states.Length;
        var chiSquare = counts.Values.Sum(c => (c - expected) * (c - expected) / expected);
        chiSquare.Should().BeLessThan(18.47, "the 0.999 quantile of chi-square with 4 degrees of freedom");
        counts.Values.Should().OnlyContain(c => Math.Abs(c - expected) < expected * 0.03);
    }
}
