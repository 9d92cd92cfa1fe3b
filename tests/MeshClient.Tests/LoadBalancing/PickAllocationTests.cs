using MeshClient.LoadBalancing;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.LoadBalancing;

/// <summary>A pick is allocation-free (docs/contributing.md).</summary>
public sealed class PickAllocationTests
{
    private const int Picks = 10_000;

    [Theory]
    [MemberData(nameof(LoadBalancerContractTests.Names), MemberType = typeof(LoadBalancerContractTests))]
    public void Pick_AfterWarmUp_AllocatesNothing(string name)
    {
        var time = new FakeTimeProvider();
        var states = Balancing.Weighted(time, ("a", 2), ("b", 1), ("c", 2), ("d", 1), ("e", 2));
        foreach (var state in states)
        {
            state.Observe(state.Instance.Weight);
        }

        states[0].WithInFlight(1);
        var picker = Balancing.Picker(Balancing.Create(name), states);
        var context = new PickContext(null, "user-42", time.GetTimestamp());
        PickMany(picker, context, Picks);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var last = PickMany(picker, context, Picks);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        last.Should().NotBeNull();
        allocated.Should().Be(0);
    }

    private static InstanceState? PickMany(InstancePicker picker, in PickContext context, int count)
    {
        InstanceState? last = null;
        for (var i = 0; i < count; i++)
        {
            last = picker.Pick(context);
        }

        return last;
    }
}
