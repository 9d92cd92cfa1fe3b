using MeshClient.Discovery;
using MeshClient.Events;
using MeshClient.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.Discovery;

/// <summary>Discovery fetches feed the registry reachability events: transitions only, per provider.</summary>
public sealed class ServiceCatalogReachabilityTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Refresh_FetchesFailThenRecoverWithChanges_PublishesUnreachableThenReachable()
    {
        var provider = new FakeDiscoveryProvider();
        provider.Throws("connection refused");
        await using var services = MeshServices.Build(_time, provider);
        using var events = services.GetRequiredService<IMeshEventStream>().Subscribe();
        var cache = services.GetRequiredService<IServiceInstanceCache>();

        await cache.RefreshAsync("ratings", CancellationToken.None).Bounded();
        await cache.RefreshAsync("ratings", CancellationToken.None).Bounded();
        var unreachable = await events.NextAsync<RegistryReachabilityChangedEvent>();
        provider.Returns(FakeDiscoveryProvider.Instance("ratings", 6001));
        await cache.RefreshAsync("ratings", CancellationToken.None).Bounded();
        var reachable = await events.NextAsync<RegistryReachabilityChangedEvent>();

        unreachable.Should().BeEquivalentTo(new { Provider = FakeDiscoveryProvider.ProviderName, Reachable = false, Reason = "connection refused" });
        reachable.Should().BeEquivalentTo(new { Provider = FakeDiscoveryProvider.ProviderName, Reachable = true, Reason = (string?)null });
        events.Drain<RegistryReachabilityChangedEvent>().Should().BeEmpty("the second failure was no transition");
    }

    [Fact]
    public async Task Sweep_FetchRecoveredWithTheSameInstances_PublishesReachable()
    {
        var provider = new FakeDiscoveryProvider();
        provider.Returns(FakeDiscoveryProvider.Instance("ratings", 6001));
        await using var services = MeshServices.Build(_time, provider);
        using var events = services.GetRequiredService<IMeshEventStream>().Subscribe();
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        await cache.RefreshAsync("ratings", CancellationToken.None).Bounded();
        provider.Throws("connection refused");
        await cache.RefreshAsync("ratings", CancellationToken.None).Bounded();
        (await events.NextAsync<RegistryReachabilityChangedEvent>()).Reachable.Should().BeFalse();
        provider.Returns(FakeDiscoveryProvider.Instance("ratings", 6001));
        await cache.RefreshAsync("ratings", CancellationToken.None).Bounded();

        _time.Advance(DiscoveryConstants.SweepInterval);

        (await events.NextAsync<RegistryReachabilityChangedEvent>()).Reachable.Should().BeTrue();
    }

    [Fact]
    public async Task Refresh_StaticInstancesOnly_NeverUnreachable()
    {
        await using var services = MeshServices.Build(_time, null, ("Mesh:Discovery:Provider", "Static"));
        using var events = services.GetRequiredService<IMeshEventStream>().Subscribe();
        var cache = services.GetRequiredService<IServiceInstanceCache>();

        await cache.RefreshAsync("unknown", CancellationToken.None).Bounded();

        events.Drain<RegistryReachabilityChangedEvent>().Should().BeEmpty();
    }
}
