using MeshClient.LoadBalancing;
using MeshClient.LoadBalancing.WeightedRoundRobin;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.LoadBalancing.WeightedRoundRobin;

public sealed class WeightedRoundRobinLoadBalancerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Pick_Weights5To1To1_NginxSmoothSequenceRepeating()
    {
        var picker = Balancing.Picker(new WeightedRoundRobinLoadBalancer(), Balancing.Weighted(_time, ("a", 5), ("b", 1), ("c", 1)));

        var ids = picker.PickIds(21);

        string[] period = ["a", "a", "b", "a", "c", "a", "a"];
        ids.Should().Equal([.. period, .. period, .. period]);
    }

    [Fact]
    public void Pick_EqualWeights_PlainRoundRobin()
    {
        var picker = Balancing.Picker(new WeightedRoundRobinLoadBalancer(), Balancing.Weighted(_time, ("a", 3), ("b", 3), ("c", 3)));

        picker.PickIds(6).Should().Equal("a", "b", "c", "a", "b", "c");
    }

    [Fact]
    public void Pick_WeightsWithCommonDivisor_SameSequenceAsReducedWeights()
    {
        var reduced = Balancing.Picker(new WeightedRoundRobinLoadBalancer(), Balancing.Weighted(_time, ("a", 1), ("b", 2)));
        var scaled = Balancing.Picker(new WeightedRoundRobinLoadBalancer(), Balancing.Weighted(_time, ("a", 10), ("b", 20)));

        var ids = scaled.PickIds(30);

        ids.Should().Equal(reduced.PickIds(30));
        ids.Take(3).Should().BeEquivalentTo(["a", "b", "b"], "the period is 3, not 30");
    }

    [Fact]
    public void Pick_KPeriods_EachInstanceExactlyItsWeightTimesK()
    {
        var picker = Balancing.Picker(new WeightedRoundRobinLoadBalancer(), Balancing.Weighted(_time, ("a", 4), ("b", 3), ("c", 2), ("d", 1)));

        var counts = picker.CountPicks(10 * 10);

        counts.Should().Equal(new Dictionary<string, int> { ["a"] = 40, ["b"] = 30, ["c"] = 20, ["d"] = 10 });
    }

    [Fact]
    public void Pick_WeightsSummingAbove65536_ScaledAndStillProportional()
    {
        var states = Balancing.Weighted(_time, ("a", 1_000_003), ("b", 500_000), ("c", 250_001), ("d", 1));
        var sequence = SmoothSequence.Build(states);
        var picker = Balancing.Picker(new WeightedRoundRobinLoadBalancer(), states);

        var counts = picker.CountPicks(sequence.Length);

        sequence.Length.Should().BeLessThanOrEqualTo(SmoothSequence.MaxLength + states.Length);
        ((double)counts["a"] / counts["b"]).Should().BeApproximately(2.0, 0.001);
        ((double)counts["a"] / counts["c"]).Should().BeApproximately(4.0, 0.001);
        counts["d"].Should().Be(1, "a tiny weight is scaled to at least one pick per period");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Pick_NonPositiveWeight_TreatedAsOne(int weight)
    {
        var picker = Balancing.Picker(new WeightedRoundRobinLoadBalancer(), Balancing.Weighted(_time, ("a", 2), ("b", weight)));

        picker.CountPicks(30).Should().Equal(new Dictionary<string, int> { ["a"] = 20, ["b"] = 10 });
    }

    [Fact]
    public void Pick_SmoothSpread_NoInstanceTwiceInARowWhenWeightsAllowIt()
    {
        var picker = Balancing.Picker(new WeightedRoundRobinLoadBalancer(), Balancing.Weighted(_time, ("a", 3), ("b", 2)));

        picker.PickIds(5).Should().Equal("a", "b", "a", "b", "a");
    }
}
