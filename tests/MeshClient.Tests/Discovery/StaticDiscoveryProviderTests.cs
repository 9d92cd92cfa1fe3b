using MeshClient.Discovery;
using MeshClient.Events;
using MeshClient.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshClient.Tests.Discovery;

/// <summary>Instances listed in configuration: both entry forms bind, they reload with the configuration, and they win over the active provider.</summary>
public sealed class StaticDiscoveryProviderTests
{
    private static readonly (string, string?)[] BothForms =
    [
        ("Mesh:Services:ratings:Instances:0", "http://127.0.0.1:5001"),
        ("Mesh:Services:ratings:Instances:1:Url", "https://127.0.0.1:5002"),
        ("Mesh:Services:ratings:Instances:1:Weight", "3"),
        ("Mesh:Services:ratings:Instances:1:Zone", "eu-west-1a"),
        ("Mesh:Services:ratings:Instances:1:Status", "OutOfService"),
        ("Mesh:Services:ratings:Instances:1:Metadata:version", "v2"),
        ("Mesh:Services:ratings:Instances:1:InstanceId", "ratings-b"),
    ];

    private readonly TestTimeProvider _time = new();

    [Fact]
    public async Task AddMeshClient_UrlStringAndObjectEntries_BothBind()
    {
        await using var services = MeshServices.Build(_time, null, BothForms);

        var instances = services.GetRequiredService<IOptions<MeshOptions>>().Value.Services["ratings"].Instances;

        instances.Should().HaveCount(2);
        instances[0].Url.Should().Be("http://127.0.0.1:5001");
        instances[0].Weight.Should().Be(1);
        instances[0].Status.Should().Be(InstanceStatus.Up);
        instances[1].Url.Should().Be("https://127.0.0.1:5002");
        instances[1].Weight.Should().Be(3);
        instances[1].Zone.Should().Be("eu-west-1a");
        instances[1].Status.Should().Be(InstanceStatus.OutOfService);
        instances[1].Metadata.Should().Contain("version", "v2");
    }

    [Fact]
    public async Task GetSnapshotAsync_ConfiguredInstances_AreServedByTheStaticProvider()
    {
        await using var services = MeshServices.Build(_time, null, BothForms);

        var snapshot = await services.GetRequiredService<IServiceInstanceCache>().GetSnapshotAsync("RATINGS", CancellationToken.None);

        snapshot.Should().NotBeNull();
        snapshot!.Source.Should().Be("Static");
        var plain = snapshot.Instances[0];
        plain.InstanceId.Should().Be("127.0.0.1:5001");
        plain.BaseAddress.Should().Be("http://127.0.0.1:5001");
        plain.Weight.Should().Be(1);
        var detailed = snapshot.Instances[1];
        detailed.InstanceId.Should().Be("ratings-b");
        detailed.Scheme.Should().Be("https");
        detailed.Port.Should().Be(5002);
        detailed.Weight.Should().Be(3);
        detailed.Zone.Should().Be("eu-west-1a");
        detailed.Status.Should().Be(InstanceStatus.OutOfService);
        detailed.Metadata.Should().Contain("version", "v2");
    }

    [Fact]
    public async Task ConfigurationReload_InstanceAdded_NewSnapshotIsSeen()
    {
        var root = MeshConfig.Root(("Mesh:Services:ratings:Instances:0", "http://127.0.0.1:5001"));
        await using var services = BuildFrom(root);
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        (await cache.GetSnapshotAsync("ratings", CancellationToken.None))!.Instances.Should().ContainSingle();
        using var events = services.GetRequiredService<IMeshEventStream>().Subscribe();

        root["Mesh:Services:ratings:Instances:1"] = "http://127.0.0.1:5002";
        root.Reload();
        var changed = await events.NextAsync<InstancesChangedEvent>(e => e.ServiceName == "ratings");

        changed.Version.Should().Be(2);
        changed.Added.Should().Be(1);
        cache.TryGetSnapshot("ratings", out var snapshot).Should().BeTrue();
        snapshot!.Instances.Select(i => i.Port).Should().BeEquivalentTo([5001, 5002]);
    }

    [Fact]
    public async Task ConfigurationReload_InstanceChanged_OldOneIsDropped()
    {
        var root = MeshConfig.Root(
            ("Mesh:Services:ratings:Instances:0", "http://127.0.0.1:5001"),
            ("Mesh:Services:ratings:Instances:1", "http://127.0.0.1:5002"));
        await using var services = BuildFrom(root);
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        var kept = cache.GetInstanceStates("ratings").Single(s => s.Instance.Port == 5002);
        using var events = services.GetRequiredService<IMeshEventStream>().Subscribe();

        root["Mesh:Services:ratings:Instances:0"] = "http://127.0.0.1:5003";
        root.Reload();
        var changed = await events.NextAsync<InstancesChangedEvent>();

        changed.Removed.Should().Be(1);
        changed.Added.Should().Be(1);
        cache.GetInstanceStates("ratings").Select(s => s.Instance.Port).Should().BeEquivalentTo([5003, 5002]);
        cache.GetInstanceStates("ratings").Should().Contain(kept);
    }

    [Fact]
    public async Task GetSnapshotAsync_ServiceListsInstances_StaticWinsOverTheActiveProvider()
    {
        var provider = new FakeDiscoveryProvider();
        provider.Returns(FakeDiscoveryProvider.Instance("ratings", 6001));
        await using var services = MeshServices.Build(_time, provider, ("Mesh:Services:ratings:Instances:0", "http://127.0.0.1:5001"));
        var cache = services.GetRequiredService<IServiceInstanceCache>();

        var configured = await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        var discovered = await cache.GetSnapshotAsync("reviews", CancellationToken.None);

        configured!.Source.Should().Be("Static");
        configured.Instances.Should().ContainSingle(i => i.Port == 5001);
        discovered!.Source.Should().Be(FakeDiscoveryProvider.ProviderName);
        provider.Calls.Count.Should().Be(1);
    }

    [Fact]
    public async Task GetSnapshotAsync_ServiceWithoutInstances_IsNotFound()
    {
        await using var services = MeshServices.Build(_time, null, ("Mesh:Services:ratings:LoadBalancer", "RoundRobin"));

        (await services.GetRequiredService<IServiceInstanceCache>().GetSnapshotAsync("ratings", CancellationToken.None)).Should().BeNull();
    }

    private ServiceProvider BuildFrom(IConfigurationRoot root)
    {
        var services = new ServiceCollection().AddLogging(static l => l.AddFakeLogging()).AddSingleton<TimeProvider>(_time);
        services.AddMeshClient(root.GetSection("Mesh"));
        return services.BuildServiceProvider();
    }
}
