using MeshClient.Discovery;
using MeshClient.IntegrationTests.Fixtures;
using MeshClient.LoadBalancing;

namespace MeshClient.IntegrationTests.Discovery;

public sealed class StaticDiscoveryTests
{
    [Fact]
    public async Task SendAsync_StaticInstances_ReachesEveryInstanceInTurn()
    {
        await using var servers = await KestrelInstances.StartAsync(3);
        var settings = servers.StaticSettings();
        settings[$"Mesh:Services:{KestrelInstances.ServiceName}:LoadBalancer"] = LoadBalancerNames.RoundRobin;
        await using var caller = await MeshCaller.StartAsync(settings);

        var answered = await caller.SendSequentialAsync(30);

        servers.Counts().Should().BeEquivalentTo(new Dictionary<string, long> { ["ratings-1"] = 10, ["ratings-2"] = 10, ["ratings-3"] = 10 });
        answered.GroupBy(id => id).ToDictionary(g => g.Key, g => (long)g.Count()).Should().BeEquivalentTo(servers.Counts());
    }

    [Theory]
    [MemberData(nameof(Balancers.All), MemberType = typeof(Balancers))]
    public async Task SendAsync_StaticInstanceDown_NeverPicked(string balancer)
    {
        await using var servers = await KestrelInstances.StartAsync(3);
        var down = servers[1];
        var settings = servers.StaticSettings(i => i == down ? InstanceStatus.Down : InstanceStatus.Up);
        settings[$"Mesh:Services:{KestrelInstances.ServiceName}:LoadBalancer"] = balancer;
        await using var caller = await MeshCaller.StartAsync(settings);

        var answered = await caller.SendSequentialAsync(60, Balancers.SetUserKey);

        answered.Should().HaveCount(60).And.NotContain(down.Id);
        down.Requests.Should().Be(0);
        servers.TotalRequests.Should().Be(60);
        caller.Cache.GetInstanceStates(KestrelInstances.ServiceName).Single(s => s.Instance.InstanceId == down.Id).Requests.Should().Be(0);
    }
}
