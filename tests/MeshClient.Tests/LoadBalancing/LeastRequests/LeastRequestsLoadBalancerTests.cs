using MeshClient.LoadBalancing;
using MeshClient.LoadBalancing.LeastRequests;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.LoadBalancing.LeastRequests;

public sealed class LeastRequestsLoadBalancerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Pick_DifferentInFlight_PicksTheFewest()
    {
        var states = Balancing.States(_time, "a", "b", "c", "d");
        states[0].WithInFlight(3);
        states[1].WithInFlight(1);
        states[2].WithInFlight(2);
        states[3].WithInFlight(4);
        var picker = Balancing.Picker(new LeastRequestsLoadBalancer(), states);

        picker.PickIds(8).Should().AllBe("b");
    }

    [Fact]
    public void Pick_AfterRequestsComplete_FollowsTheNewLeast()
    {
        var states = Balancing.States(_time, "a", "b");
        states[0].WithInFlight(1);
        states[1].WithInFlight(3);
        var picker = Balancing.Picker(new LeastRequestsLoadBalancer(), states);
        picker.PickId().Should().Be("a");

        var now = _time.GetTimestamp();
        for (var i = 0; i < 3; i++)
        {
            states[1].OnRequestCompleted(now, now, failed: false);
        }

        states[1].InFlight.Should().Be(0);
        picker.PickId().Should().Be("b");
    }

    [Fact]
    public void Pick_AllIdle_TiesRotateThroughEveryInstance()
    {
        var picker = Balancing.Picker(new LeastRequestsLoadBalancer(), Balancing.States(_time, "a", "b", "c"));

        var ids = picker.PickIds(9);

        ids.Take(3).Should().OnlyHaveUniqueItems();
        ids.Should().Equal([.. ids.Take(3), .. ids.Take(3), .. ids.Take(3)]);
    }

    [Fact]
    public void Pick_TiesBesideALoadedInstance_ShareEvenly()
    {
        var states = Balancing.States(_time, "a", "b", "c", "d");
        states[0].WithInFlight(5);
        var picker = Balancing.Picker(new LeastRequestsLoadBalancer(), states);

        var ids = picker.PickIds(30);

        ids.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count())
            .Should().Equal(new Dictionary<string, int> { ["b"] = 10, ["c"] = 10, ["d"] = 10 }, "the loaded instance's turn must not go to its neighbour");
        ids.Zip(ids.Skip(1)).Should().OnlyContain(pair => pair.First != pair.Second, "ties go round robin");
    }

    [Fact]
    public void Pick_Weighted_InFlightPerUnitOfWeightDecides()
    {
        var states = Balancing.Weighted(_time, ("a", 3), ("b", 1));
        states[0].WithInFlight(2); // (2 + 1) / 3 = 1
        states[1].WithInFlight(1); // (1 + 1) / 1 = 2
        var picker = Balancing.Picker(new LeastRequestsLoadBalancer(), states);

        picker.PickId().Should().Be("a");

        states[0].WithInFlight(4); // (6 + 1) / 3 > 2
        picker.PickId().Should().Be("b");
    }

    [Fact]
    public void Pick_RequestsThatStayInFlight_SpreadInProportionToWeight()
    {
        var states = Balancing.Weighted(_time, ("a", 3), ("b", 1), ("c", 2));
        var picker = Balancing.Picker(new LeastRequestsLoadBalancer(), states);

        for (var i = 0; i < 600; i++)
        {
            picker.Pick(default)!.OnRequestStarted();
        }

        states.Select(s => s.InFlight).Should().Equal(300, 100, 200);
    }
}
