using MeshClient.LoadBalancing;
using MeshClient.LoadBalancing.PowerOfTwoChoices;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.LoadBalancing.PowerOfTwoChoices;

public sealed class PowerOfTwoChoicesLoadBalancerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Pick_TwoInstancesOneLoaded_NeverPicksTheLoadedOne()
    {
        var states = Balancing.States(_time, "a", "b");
        states[0].WithInFlight(1);

        Balancing.Picker(new PowerOfTwoChoicesLoadBalancer(), states).PickIds(1_000).Should().AllBe("b", "two distinct candidates always include the idle one");
    }

    [Fact]
    public void Pick_OneInstanceHeavilyLoaded_NeverPicksIt()
    {
        var states = Balancing.States(_time, "a", "b", "c", "d", "e");
        states[2].WithInFlight(50);
        var picker = Balancing.Picker(new PowerOfTwoChoicesLoadBalancer(), states);

        var counts = picker.CountPicks(10_000);

        counts.Should().NotContainKey("c");
        counts.Values.Should().OnlyContain(c => c > 2_000, "the other four share the traffic");
    }

    [Fact]
    public void Pick_AllIdle_SpreadsEvenly()
    {
        var picker = Balancing.Picker(new PowerOfTwoChoicesLoadBalancer(), Balancing.States(_time, "a", "b", "c", "d"));

        var counts = picker.CountPicks(20_000);

        counts.Should().HaveCount(4).And.OnlyContain(pair => Math.Abs(pair.Value - 5_000) < 300);
    }

    [Fact]
    public void Pick_Weighted_InFlightPerUnitOfWeightDecides()
    {
        var states = Balancing.Weighted(_time, ("a", 4), ("b", 1));
        states[0].WithInFlight(2); // (2 + 1) / 4 < (0 + 1) / 1
        var picker = Balancing.Picker(new PowerOfTwoChoicesLoadBalancer(), states);

        picker.PickIds(100).Should().AllBe("a");

        states[0].WithInFlight(3); // (5 + 1) / 4 > 1
        picker.PickIds(100).Should().AllBe("b");
    }

    [Fact]
    public void Pick_RequestsThatStayInFlight_SpreadInProportionToWeight()
    {
        var states = Balancing.Weighted(_time, ("a", 3), ("b", 1));
        var picker = Balancing.Picker(new PowerOfTwoChoicesLoadBalancer(), states);

        for (var i = 0; i < 400; i++)
        {
            picker.Pick(default)!.OnRequestStarted();
        }

        states[0].InFlight.Should().BeInRange(297, 300);
        states[1].InFlight.Should().BeInRange(100, 103);
    }

    [Fact]
    public void TwoChoicesPick_ManyDraws_TwoDistinctCandidatesCoveringEveryPairEvenly()
    {
        var states = Balancing.States(_time, "a", "b", "c", "d");
        var random = MeshRandom.Create(Balancing.Seed);
        var pairs = new Dictionary<(string, string), int>();

        for (var i = 0; i < 12_000; i++)
        {
            var (first, second) = TwoChoices.Pick(states, random);
            first.Should().NotBeSameAs(second);
            var key = (first.Instance.InstanceId, second.Instance.InstanceId);
            pairs[key] = pairs.GetValueOrDefault(key) + 1;
        }

        pairs.Should().HaveCount(12, "every ordered pair of 4 distinct instances").And.OnlyContain(pair => Math.Abs(pair.Value - 1_000) < 150);
    }
}
