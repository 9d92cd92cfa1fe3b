using MeshClient.LoadBalancing;
using MeshClient.Resilience;
using MeshClient.Tests.LoadBalancing;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.Resilience;

public sealed class InstanceExclusionTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Pick_NothingTriedYet_ReturnsTheBalancersPick()
    {
        var states = Balancing.States(_time, "a", "b", "c");
        var picker = Balancing.Picker(Balancing.Create(LoadBalancerNames.RoundRobin), states);

        InstanceExclusion.Pick(picker, states, default, null, states[1], MeshRandom.Create(1)).Should().BeSameAs(states[1]);
    }

    [Theory]
    [InlineData(LoadBalancerNames.RoundRobin)]
    [InlineData(LoadBalancerNames.ConsistentHash)]
    [InlineData(LoadBalancerNames.PeakEwma)]
    public void Pick_FirstPickAlreadyTried_ReturnsAnInstanceNotTried(string balancer)
    {
        var states = Balancing.States(_time, "a", "b", "c");
        var picker = Balancing.Picker(Balancing.Create(balancer), states);
        var tried = new AttemptLog();
        tried.Add(states[0]);
        tried.Add(states[2]);
        var context = new PickContext(null, "always-the-same-key", _time.GetTimestamp());

        InstanceExclusion.Pick(picker, states, context, tried, states[0], MeshRandom.Create(1)).Should().BeSameAs(states[1]);
    }

    [Fact]
    public void Pick_EveryInstanceTried_ReturnsTheFirstPickAgain()
    {
        var states = Balancing.States(_time, "a");
        var picker = Balancing.Picker(Balancing.Create(LoadBalancerNames.RoundRobin), states);
        var tried = new AttemptLog();
        tried.Add(states[0]);

        InstanceExclusion.Pick(picker, states, default, tried, states[0], MeshRandom.Create(1)).Should().BeSameAs(states[0]);
    }

    [Fact]
    public void Pick_NothingTried_AllocatesNothing()
    {
        var states = Balancing.States(_time, "a", "b", "c");
        var picker = Balancing.Picker(Balancing.Create(LoadBalancerNames.RoundRobin), states);
        var random = MeshRandom.Create(1);
        InstanceExclusion.Pick(picker, states, default, null, states[0], random);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            InstanceExclusion.Pick(picker, states, default, null, picker.Pick(default)!, random);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }
}
