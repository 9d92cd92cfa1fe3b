using MeshClient.Eureka.Discovery;
using MeshClient.Eureka.Wire;

namespace MeshClient.Eureka.Tests.Discovery;

public class EurekaRegistryTests
{
    [Fact]
    public void Hashcode_EveryStatusOfEveryApp_CountedBeforeFilteringInOrdinalOrder()
    {
        var registry = EurekaRegistry.FromFull(Apps(
            ("A", "a1", "UP", null), ("A", "a2", "DOWN", null), ("B", "b1", "UP", null), ("B", "b2", "UP", null),
            ("C", "c1", "UP", null), ("C", "c2", "UP", "OUT_OF_SERVICE")));

        registry.Hashcode.Should().Be("DOWN_1_UP_5_", "the server counts the status field of all instances, overrides aside");
    }

    [Fact]
    public void Hashcode_EmptyRegistry_IsEmptyString() => EurekaRegistry.FromFull(Apps()).Hashcode.Should().BeEmpty();

    [Fact]
    public void Hashcode_AllFiveStatuses_SortedAsTheServerTreeMap()
        => EurekaRegistry.FromFull(Apps(("A", "1", "UP", null), ("A", "2", "UNKNOWN", null), ("A", "3", "STARTING", null), ("A", "4", "OUT_OF_SERVICE", null), ("A", "5", "DOWN", null)))
            .Hashcode.Should().Be("DOWN_1_OUT_OF_SERVICE_1_STARTING_1_UNKNOWN_1_UP_1_");

    [Fact]
    public void ApplyDelta_AddedModifiedDeleted_UpsertsAndRemovesByInstanceId()
    {
        var registry = EurekaRegistry.FromFull(Apps(("A", "a1", "UP", null), ("A", "a2", "UP", null)));
        var changed = new HashSet<string>();

        var updated = registry.ApplyDelta(Delta(("A", "a1", "DOWN", "MODIFIED"), ("A", "a2", "UP", "DELETED"), ("B", "b1", "UP", "ADDED")), changed);

        updated.Apps["A"].Should().ContainSingle().Which.Status.Should().Be("DOWN");
        updated.Apps["b"].Should().ContainSingle().Which.InstanceId.Should().Be("b1", "app names compare case-insensitively");
        updated.Hashcode.Should().Be("DOWN_1_UP_1_");
        changed.Should().BeEquivalentTo("A", "B");
    }

    [Fact]
    public void ApplyDelta_SameDeltaTwice_Idempotent()
    {
        var registry = EurekaRegistry.FromFull(Apps(("A", "a1", "UP", null)));
        var delta = Delta(("A", "a2", "UP", "ADDED"), ("A", "a1", "UP", "DELETED"), ("A", "a3", "UP", "DELETED"));

        var once = registry.ApplyDelta(delta, new HashSet<string>());
        var twice = once.ApplyDelta(delta, new HashSet<string>());

        twice.Apps["A"].Select(i => i.InstanceId).Should().Equal("a2");
        twice.Hashcode.Should().Be(once.Hashcode).And.Be("UP_1_");
    }

    [Fact]
    public void ApplyDelta_LastInstanceDeleted_DropsTheApplication()
    {
        var registry = EurekaRegistry.FromFull(Apps(("A", "a1", "UP", null)));

        registry.ApplyDelta(Delta(("A", "a1", "UP", "DELETED")), new HashSet<string>()).Apps.Should().BeEmpty();
    }

    internal static EurekaApplications Apps(params (string App, string Id, string Status, string? Overridden)[] instances) => new(
        1, null, [.. instances.GroupBy(i => i.App).Select(g => new EurekaApplication(g.Key, [.. g.Select(i => Instance(i.App, i.Id, i.Status, i.Overridden, null))]))]);

    private static EurekaApplications Delta(params (string App, string Id, string Status, string Action)[] instances) => new(
        2, null, [.. instances.GroupBy(i => i.App).Select(g => new EurekaApplication(g.Key, [.. g.Select(i => Instance(i.App, i.Id, i.Status, null, i.Action))]))]);

    private static EurekaInstance Instance(string app, string id, string status, string? overridden, string? action) => new()
    {
        App = app, InstanceId = id, HostName = "127.0.0.1", Status = status, OverriddenStatus = overridden ?? "UNKNOWN", ActionType = action,
    };
}
