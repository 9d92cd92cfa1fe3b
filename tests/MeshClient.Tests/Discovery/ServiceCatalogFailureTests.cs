using MeshClient.Discovery;
using MeshClient.Events;
using MeshClient.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static MeshClient.Tests.Fakes.FakeDiscoveryProvider;

namespace MeshClient.Tests.Discovery;

/// <summary>Last known good: a failed or timed-out fetch never replaces a snapshot, and retries back off.</summary>
public sealed class ServiceCatalogFailureTests
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(20);
    private readonly TestTimeProvider _time = new();
    private readonly FakeDiscoveryProvider _provider = new();

    [Fact]
    public async Task RefreshAsync_ProviderThrowsAfterSuccess_KeepsSnapshotPublishesEventAndLogsWarning()
    {
        await using var services = Build();
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        _provider.Returns(Instance("ratings", 5001));
        var good = await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        using var events = services.GetRequiredService<IMeshEventStream>().Subscribe();

        _provider.Throws("registry unavailable");
        await cache.RefreshAsync("ratings", CancellationToken.None).Bounded();

        cache.TryGetSnapshot("ratings", out var kept).Should().BeTrue();
        kept.Should().BeSameAs(good);
        kept!.Instances.Should().ContainSingle(i => i.Port == 5001);
        var failed = await events.NextAsync<DiscoveryFailedEvent>();
        failed.ServiceName.Should().Be("ratings");
        failed.Provider.Should().Be(ProviderName);
        failed.Reason.Should().Contain("registry unavailable");
        services.GetRequiredService<FakeLogCollector>().GetSnapshot()
            .Should().Contain(r => r.Level == LogLevel.Warning && r.Message.Contains("ratings") && r.Message.Contains("registry unavailable"));
    }

    [Fact]
    public async Task RefreshAsync_ProviderTimesOutAfterSuccess_KeepsSnapshotAndReportsTimeout()
    {
        await using var services = Build(("Mesh:Discovery:FetchTimeout", "00:00:05"));
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        _provider.Returns(Instance("ratings", 5001));
        var good = await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        using var events = services.GetRequiredService<IMeshEventStream>().Subscribe();

        _provider.Hold();
        var refresh = cache.RefreshAsync("ratings", CancellationToken.None);
        await _provider.Calls.WaitForAsync(2);
        refresh.IsCompleted.Should().BeFalse();
        _time.Advance(TimeSpan.FromSeconds(5));
        await refresh.Bounded();

        cache.TryGetSnapshot("ratings", out var kept).Should().BeTrue();
        kept.Should().BeSameAs(good);
        (await events.NextAsync<DiscoveryFailedEvent>()).Reason.Should().Contain("timed out");
        services.GetRequiredService<FakeLogCollector>().GetSnapshot()
            .Should().Contain(r => r.Level == LogLevel.Warning && r.Message.Contains("ratings"));
    }

    [Fact]
    public async Task RefreshTimer_ProviderKeepsFailing_RetriesWithDoublingDelayCappedAtMaxRetryDelay()
    {
        await using var services = Build(("Mesh:Discovery:MaxRetryDelay", "00:00:10"));
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        _provider.Returns(Instance("ratings", 5001));
        var good = await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        using var events = services.GetRequiredService<IMeshEventStream>().Subscribe();
        await _time.WaitForTimerAsync(RefreshInterval, IsEntry);

        _provider.Throws("registry unavailable");
        _time.Advance(RefreshInterval);
        await _provider.Calls.WaitForAsync(2);
        foreach (var seconds in new[] { 1, 2, 4, 8, 10, 10 })
        {
            await AdvanceToNextFetchAsync(TimeSpan.FromSeconds(seconds));
        }

        _provider.Calls.Count.Should().Be(8);
        events.Drain<DiscoveryFailedEvent>().Should().HaveCount(7);
        cache.TryGetSnapshot("ratings", out var kept).Should().BeTrue();
        kept.Should().BeSameAs(good);
    }

    [Fact]
    public async Task RefreshTimer_ProviderRecovers_ResetsBackoffAndPollsAgain()
    {
        await using var services = Build();
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        _provider.Returns(Instance("ratings", 5001));
        await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        await _time.WaitForTimerAsync(RefreshInterval, IsEntry);
        _provider.Throws("registry unavailable");
        _time.Advance(RefreshInterval);
        await _provider.Calls.WaitForAsync(2);
        await AdvanceToNextFetchAsync(TimeSpan.FromSeconds(1));
        await AdvanceToNextFetchAsync(TimeSpan.FromSeconds(2));

        _provider.Returns(Instance("ratings", 5001), Instance("ratings", 5002));
        await AdvanceToNextFetchAsync(TimeSpan.FromSeconds(4));
        await _time.WaitForTimerAsync(RefreshInterval, IsEntry);
        _provider.Throws("registry unavailable again");
        _time.Advance(RefreshInterval);
        await _provider.Calls.WaitForAsync(6);

        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(1), IsEntry);
        cache.TryGetSnapshot("ratings", out var snapshot).Should().BeTrue();
        snapshot!.Version.Should().Be(2);
        snapshot.Instances.Should().HaveCount(2);
    }

    [Fact]
    public async Task GetSnapshotAsync_FirstFetchFails_ReturnsNullAndRetries()
    {
        await using var services = Build();
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        _provider.Throws("registry unavailable");

        var snapshot = await cache.GetSnapshotAsync("ratings", CancellationToken.None);

        snapshot.Should().BeNull();
        await AdvanceToNextFetchAsync(TimeSpan.FromSeconds(1));
        _provider.Returns(Instance("ratings", 5001));
        await AdvanceToNextFetchAsync(TimeSpan.FromSeconds(2));
        await _time.WaitForTimerAsync(RefreshInterval, IsEntry);
        cache.TryGetSnapshot("ratings", out var recovered).Should().BeTrue();
        recovered!.Instances.Should().ContainSingle();
    }

    private static bool IsEntry(object? state) => state is ServiceEntry;

    /// <summary>Waits until the cache scheduled its next fetch after <paramref name="delay"/>, then moves the clock to it.</summary>
    private async Task AdvanceToNextFetchAsync(TimeSpan delay)
    {
        await _time.WaitForTimerAsync(delay, IsEntry);
        var calls = _provider.Calls.Count;
        _time.Advance(delay - TimeSpan.FromMilliseconds(1));
        _provider.Calls.Count.Should().Be(calls, "no fetch is due before {0}", delay);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await _provider.Calls.WaitForAsync(calls + 1);
    }

    private ServiceProvider Build(params (string Key, string? Value)[] settings)
        => MeshServices.Build(_time, _provider, [("Mesh:Discovery:RefreshInterval", "00:00:20"), .. settings]);
}
