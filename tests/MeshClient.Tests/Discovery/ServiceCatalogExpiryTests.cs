using MeshClient.Discovery;
using MeshClient.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using static MeshClient.Tests.Fakes.FakeDiscoveryProvider;

namespace MeshClient.Tests.Discovery;

/// <summary>Idle services expire (the sweep runs every 30 s), configured ones never do, and the service count is bounded (LRU).</summary>
public sealed class ServiceCatalogExpiryTests
{
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(30);
    private readonly TestTimeProvider _time = new();
    private readonly FakeDiscoveryProvider _provider = new();

    public ServiceCatalogExpiryTests() => _provider.ReturnsPerService(name => [Instance(name, 5001)]);

    [Fact]
    public async Task Sweep_ServiceIdleLongerThanIdleTimeout_ExpiresButConfiguredServiceStays()
    {
        await using var services = Build(("Mesh:Discovery:ServiceIdleTimeout", "00:01:00"), ("Mesh:Services:billing:LoadBalancer", "RoundRobin"));
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        await cache.GetSnapshotAsync("billing", CancellationToken.None);

        _time.Advance(Sweep);
        _time.Advance(Sweep);
        cache.Services.Should().BeEquivalentTo(["ratings", "billing"], "60 s idle is not more than the 1 min timeout");
        _time.Advance(Sweep);
        cache.Services.Should().BeEquivalentTo(["billing"]);
        cache.TryGetSnapshot("ratings", out _).Should().BeFalse();

        for (var i = 0; i < 30; i++)
        {
            _time.Advance(Sweep);
        }

        cache.Services.Should().BeEquivalentTo(["billing"]);
    }

    [Fact]
    public async Task Sweep_ServiceUsedThroughTheCache_StaysWhileUsed()
    {
        await using var services = Build(("Mesh:Discovery:ServiceIdleTimeout", "00:01:00"));
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        await cache.GetSnapshotAsync("ratings", CancellationToken.None);

        _time.Advance(Sweep);
        _time.Advance(TimeSpan.FromSeconds(15));
        await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(15));
        _time.Advance(Sweep);
        cache.Services.Should().Contain("ratings", "it was used 45 s ago");
        _time.Advance(Sweep);

        cache.Services.Should().BeEmpty();
    }

    [Fact]
    public async Task GetSnapshotAsync_AfterExpiry_FetchesAgain()
    {
        await using var services = Build(("Mesh:Discovery:ServiceIdleTimeout", "00:00:10"));
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        _time.Advance(Sweep);
        cache.Services.Should().BeEmpty();

        var snapshot = await cache.GetSnapshotAsync("ratings", CancellationToken.None);

        snapshot.Should().NotBeNull();
        _provider.Calls.Count.Should().Be(2);
        cache.Services.Should().Equal("ratings");
    }

    [Fact]
    public async Task GetOrAdd_PastMaxServices_EvictsTheLeastRecentlyUsed()
    {
        await using var services = Build(("Mesh:Discovery:MaxServices", "2"));
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));
        await cache.GetSnapshotAsync("reviews", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));
        await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));

        var details = await cache.GetSnapshotAsync("details", CancellationToken.None);

        details.Should().NotBeNull();
        cache.Services.Should().BeEquivalentTo(["ratings", "details"], "reviews was used least recently");
    }

    [Fact]
    public async Task GetOrAdd_PastMaxServicesWithConfiguredServices_NeverEvictsThemNorTheNewService()
    {
        await using var services = Build(("Mesh:Discovery:MaxServices", "1"), ("Mesh:Services:billing:LoadBalancer", "RoundRobin"));
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        await cache.GetSnapshotAsync("billing", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));

        var ratings = await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        cache.Services.Should().BeEquivalentTo(["billing", "ratings"]);
        _time.Advance(TimeSpan.FromSeconds(2));
        var reviews = await cache.GetSnapshotAsync("reviews", CancellationToken.None);

        ratings.Should().NotBeNull();
        reviews.Should().NotBeNull();
        cache.Services.Should().BeEquivalentTo(["billing", "reviews"]);
    }

    private ServiceProvider Build(params (string Key, string? Value)[] settings)
        => MeshServices.Build(_time, _provider, [("Mesh:Discovery:RefreshInterval", "01:00:00"), .. settings]);
}
