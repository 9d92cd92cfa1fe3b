using MeshClient.Discovery;
using MeshClient.Discovery.InMemory;
using MeshClient.Events;
using MeshClient.Registration;
using MeshClient.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using static MeshClient.Tests.Fakes.FakeDiscoveryProvider;

namespace MeshClient.Tests.Discovery;

/// <summary>The InMemory provider and registrar as registered by <c>AddMeshClient</c>, on the registry in DI.</summary>
public sealed class InMemoryDiscoveryTests
{
    private readonly TestTimeProvider _time = new();

    [Fact]
    public async Task GetSnapshotAsync_RegisteredInstances_ComeFromTheRegistry()
    {
        await using var services = Build();
        var registry = services.GetRequiredService<InMemoryServiceRegistry>();
        registry.Register(Instance("ratings", 5001));

        var snapshot = await services.GetRequiredService<IServiceInstanceCache>().GetSnapshotAsync("ratings", CancellationToken.None);

        snapshot!.Source.Should().Be("InMemory");
        snapshot.Instances.Should().ContainSingle(i => i.Port == 5001);
    }

    [Fact]
    public async Task RegistryChange_RegisterStatusDeregister_EachYieldsANewSnapshot()
    {
        await using var services = Build();
        var registry = services.GetRequiredService<InMemoryServiceRegistry>();
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        registry.Register(Instance("ratings", 5001));
        await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        using var events = services.GetRequiredService<IMeshEventStream>().Subscribe();

        registry.Register(Instance("ratings", 5002));
        (await events.NextAsync<InstancesChangedEvent>()).InstanceCount.Should().Be(2);
        registry.SetStatus("ratings", "127.0.0.1:5001", InstanceStatus.Down);
        (await events.NextAsync<InstancesChangedEvent>()).Version.Should().Be(3);
        registry.Deregister("ratings", "127.0.0.1:5001");
        registry.Deregister("ratings", "127.0.0.1:5002");
        await events.NextAsync<InstancesChangedEvent>(e => e.InstanceCount == 0);

        cache.TryGetSnapshot("ratings", out var snapshot).Should().BeTrue();
        snapshot!.Instances.Should().BeEmpty();
    }

    [Fact]
    public async Task GetSnapshotAsync_NeverRegistered_IsNull()
    {
        await using var services = Build();

        (await services.GetRequiredService<IServiceInstanceCache>().GetSnapshotAsync("ratings", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Registrar_Lifecycle_RegistersRenewsSetsStatusAndDeregisters()
    {
        await using var services = Build();
        var registry = services.GetRequiredService<InMemoryServiceRegistry>();
        var registrar = services.GetServices<IServiceRegistrar>().Single(r => r.Name == "InMemory");
        var registration = new ServiceRegistration(Instance("orders", 7001), [], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));

        await registrar.RegisterAsync(registration, CancellationToken.None);
        registry.GetInstances("orders").Should().ContainSingle();
        _time.Advance(TimeSpan.FromSeconds(20));
        (await registrar.RenewAsync(registration, CancellationToken.None)).Should().BeTrue();
        _time.Advance(TimeSpan.FromSeconds(20));
        registry.GetInstances("orders").Should().ContainSingle("the renewal extended the 30 s lease");
        await registrar.SetStatusAsync(registration.WithStatus(InstanceStatus.OutOfService), InstanceStatus.OutOfService, CancellationToken.None);
        registry.GetInstances("orders").Single().Status.Should().Be(InstanceStatus.OutOfService);
        await registrar.DeregisterAsync(registration, CancellationToken.None);

        registry.GetInstances("orders").Should().BeEmpty();
        (await registrar.RenewAsync(registration, CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public async Task Registrar_LeaseExpired_SetStatusRegistersAgain()
    {
        await using var services = Build();
        var registry = services.GetRequiredService<InMemoryServiceRegistry>();
        var registrar = services.GetServices<IServiceRegistrar>().Single(r => r.Name == "InMemory");
        var registration = new ServiceRegistration(Instance("orders", 7001), [], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));
        await registrar.RegisterAsync(registration, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));
        registry.GetInstances("orders").Should().BeEmpty();

        await registrar.SetStatusAsync(registration.WithStatus(InstanceStatus.Starting), InstanceStatus.Starting, CancellationToken.None);

        registry.GetInstances("orders").Should().ContainSingle().Which.Status.Should().Be(InstanceStatus.Starting);
    }

    private ServiceProvider Build() => MeshServices.Build(_time, null, ("Mesh:Discovery:Provider", "InMemory"));
}
