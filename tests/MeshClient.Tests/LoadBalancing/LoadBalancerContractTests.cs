using MeshClient.LoadBalancing;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.LoadBalancing;

/// <summary>What every built-in balancer does, whatever its algorithm.</summary>
public sealed class LoadBalancerContractTests
{
    private readonly FakeTimeProvider _time = new();

    public static TheoryData<string> Names => new(LoadBalancerNames.All);

    [Theory]
    [MemberData(nameof(Names))]
    public void Name_BuiltInBalancer_IsItsConfigurationName(string name) => Balancing.Create(name).Name.Should().Be(name);

    [Theory]
    [MemberData(nameof(Names))]
    public void CreatePicker_NoInstances_PicksNothing(string name)
    {
        var picker = Balancing.Picker(Balancing.Create(name), []);

        picker.Pick(new PickContext(null, "user-1", _time.GetTimestamp())).Should().BeNull();
        picker.Pick(default).Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Pick_SingleLoadedSlowInstance_AlwaysPicksIt(string name)
    {
        var state = Balancing.State(_time, "a", weight: 3).Observe(500).WithInFlight(100);
        var picker = Balancing.Picker(Balancing.Create(name), [state]);

        picker.PickIds(10, new PickContext(null, null, _time.GetTimestamp())).Should().AllBe("a");
        picker.PickIds(10, new PickContext(null, "user-1", _time.GetTimestamp())).Should().AllBe("a");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void CreatePicker_InstanceListChangedAfterwards_PickerKeepsItsSnapshot(string name)
    {
        var states = Balancing.States(_time, "a", "b", "c");
        var list = new List<InstanceState>(states);
        var picker = Balancing.Picker(Balancing.Create(name), list);

        list.Clear();
        list.Add(Balancing.State(_time, "intruder"));

        var ids = Enumerable.Range(0, 300).Select(i => picker.PickId(new PickContext(null, i % 2 == 0 ? $"user-{i}" : null, _time.GetTimestamp()))).ToArray();
        ids.Should().BeSubsetOf(["a", "b", "c"]).And.Contain(["a", "b", "c"]);
    }
}
