using MeshClient.Discovery;
using MeshClient.Discovery.InMemory;
using MeshClient.Events;
using MeshClient.IntegrationTests.Fixtures;
using MeshClient.LoadBalancing;

namespace MeshClient.IntegrationTests.Discovery;

public sealed class InMemoryRegistryTests
{
    private const string Service = KestrelInstances.ServiceName;

    [Fact]
    public async Task SendAsync_RegistryInstances_ReachesEveryInstanceInTurn()
    {
        using var registry = new InMemoryServiceRegistry();
        await using var servers = await KestrelInstances.StartAsync(3);
        servers.RegisterAll(registry);
        await using var caller = await MeshCaller.StartAsync(RoundRobin(), registry);

        var answered = await caller.SendSequentialAsync(30);

        servers.Counts().Should().BeEquivalentTo(new Dictionary<string, long> { ["ratings-1"] = 10, ["ratings-2"] = 10, ["ratings-3"] = 10 });
        answered.Distinct().Should().BeEquivalentTo(["ratings-1", "ratings-2", "ratings-3"]);
    }

    [Theory]
    [MemberData(nameof(Balancers.All), MemberType = typeof(Balancers))]
    public async Task SendAsync_InstanceSetDownInRegistry_NeverPickedAfterChange(string balancer)
    {
        using var registry = new InMemoryServiceRegistry();
        await using var servers = await KestrelInstances.StartAsync(3);
        servers.RegisterAll(registry);
        await using var caller = await MeshCaller.StartAsync(
            new Dictionary<string, string?> { [$"Mesh:Services:{Service}:LoadBalancer"] = balancer }, registry);
        await caller.SendSequentialAsync(3, Balancers.SetUserKey);
        var down = servers[0];
        var before = Version(caller);
        using var events = caller.Events.Subscribe();

        registry.SetStatus(Service, down.Id, InstanceStatus.Down).Should().BeTrue();
        await events.WaitForAsync<InstancesChangedEvent>(e => e.ServiceName == Service && e.Version > before);
        servers.ResetCounts();
        var answered = await caller.SendSequentialAsync(60, Balancers.SetUserKey);

        answered.Should().HaveCount(60).And.NotContain(down.Id);
        down.Requests.Should().Be(0);
        servers.TotalRequests.Should().Be(60);
        caller.Cache.GetInstanceStates(Service).Single(s => s.Instance.InstanceId == down.Id).Instance.Status.Should().Be(InstanceStatus.Down);
    }

    [Fact]
    public async Task SendAsync_InstanceDeregistered_StopsReceivingAfterChangeSignal()
    {
        using var registry = new InMemoryServiceRegistry();
        await using var servers = await KestrelInstances.StartAsync(3);
        servers.RegisterAll(registry);
        await using var caller = await MeshCaller.StartAsync(RoundRobin(), registry);
        (await caller.SendSequentialAsync(30)).Distinct().Should().HaveCount(3);
        var removed = servers[2];
        var before = Version(caller);
        using var events = caller.Events.Subscribe();

        registry.Deregister(Service, removed.Id).Should().BeTrue();
        var changed = await events.WaitForAsync<InstancesChangedEvent>(e => e.ServiceName == Service && e.Version > before);
        servers.ResetCounts();
        var answered = await caller.SendSequentialAsync(30);

        changed.Should().BeEquivalentTo(new { InstanceCount = 2, Added = 0, Removed = 1 });
        caller.Cache.TryGetSnapshot(Service, out var snapshot).Should().BeTrue();
        snapshot!.Instances.Select(i => i.InstanceId).Should().BeEquivalentTo(["ratings-1", "ratings-2"]);
        removed.Requests.Should().Be(0);
        answered.Should().NotContain(removed.Id);
        servers.Counts().Should().BeEquivalentTo(new Dictionary<string, long> { ["ratings-1"] = 15, ["ratings-2"] = 15, ["ratings-3"] = 0 });
    }

    [Fact]
    public async Task SendAsync_InstanceRegisteredLater_StartsReceivingAfterChangeSignal()
    {
        using var registry = new InMemoryServiceRegistry();
        await using var servers = await KestrelInstances.StartAsync(3);
        var late = servers[2];
        registry.Register(new ServiceInstance(Service, servers[0].Id, "http", "127.0.0.1", servers[0].Port));
        registry.Register(new ServiceInstance(Service, servers[1].Id, "http", "127.0.0.1", servers[1].Port));
        await using var caller = await MeshCaller.StartAsync(RoundRobin(), registry);
        (await caller.SendSequentialAsync(10)).Should().NotContain(late.Id);
        var before = Version(caller);
        using var events = caller.Events.Subscribe();

        registry.Register(new ServiceInstance(Service, late.Id, "http", "127.0.0.1", late.Port));
        await events.WaitForAsync<InstancesChangedEvent>(e => e.ServiceName == Service && e.Version > before);
        servers.ResetCounts();
        await caller.SendSequentialAsync(30);

        servers.Counts().Should().BeEquivalentTo(new Dictionary<string, long> { ["ratings-1"] = 10, ["ratings-2"] = 10, ["ratings-3"] = 10 });
    }

    private static Dictionary<string, string?> RoundRobin() => new() { [$"Mesh:Services:{Service}:LoadBalancer"] = LoadBalancerNames.RoundRobin };

    private static long Version(MeshCaller caller)
        => caller.Cache.TryGetSnapshot(Service, out var snapshot) ? snapshot.Version : throw new InvalidOperationException("No snapshot yet.");
}
