using MeshClient.Discovery;
using MeshClient.Discovery.InMemory;
using MeshClient.IntegrationTests.Fixtures;
using MeshClient.LoadBalancing;
using MeshClient.Registration;

namespace MeshClient.IntegrationTests.Registration;

public sealed class SelfRegistrationTests
{
    private const string Service = KestrelInstances.ServiceName;

    [Fact]
    public async Task StartAsync_InMemoryProviderWithRegistration_RegistersBoundPortAndDeregistersOnStop()
    {
        using var registry = new InMemoryServiceRegistry();
        await using var instance = await SelfRegisteringInstance.StartAsync(registry, Service, "ratings-self", weight: 3);

        var registered = registry.GetInstances(Service).Should().ContainSingle().Subject;
        registered.Should().BeEquivalentTo(new { InstanceId = "ratings-self", Host = "127.0.0.1", Port = instance.Port, Scheme = "http", Weight = 3, Status = InstanceStatus.Up });
        instance.Registration.State.Should().Be(RegistrationState.Registered);

        await instance.StopAsync();

        registry.GetInstances(Service).Should().BeEmpty();
        instance.Registration.State.Should().Be(RegistrationState.Deregistered);
    }

    [Fact]
    public async Task SendAsync_SelfRegisteredInstances_EachReachedByCaller()
    {
        using var registry = new InMemoryServiceRegistry();
        await using var a = await SelfRegisteringInstance.StartAsync(registry, Service, "ratings-a");
        await using var b = await SelfRegisteringInstance.StartAsync(registry, Service, "ratings-b");
        await using var c = await SelfRegisteringInstance.StartAsync(registry, Service, "ratings-c");
        await using var caller = await MeshCaller.StartAsync(
            new Dictionary<string, string?> { [$"Mesh:Services:{Service}:LoadBalancer"] = LoadBalancerNames.RoundRobin }, registry);

        var answered = await caller.SendSequentialAsync(30);

        answered.Distinct().Should().BeEquivalentTo(["ratings-a", "ratings-b", "ratings-c"]);
        new[] { a.Requests, b.Requests, c.Requests }.Should().Equal(10, 10, 10);
    }
}
