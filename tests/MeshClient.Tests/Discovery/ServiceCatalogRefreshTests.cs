using MeshClient.Discovery;
using MeshClient.Events;
using MeshClient.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using static MeshClient.Tests.Fakes.FakeDiscoveryProvider;

namespace MeshClient.Tests.Discovery;

/// <summary>Single flight, the first fetch, change signals, periodic refresh and per-instance state across snapshots.</summary>
public sealed class ServiceCatalogRefreshTests
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(20);
    private readonly TestTimeProvider _time = new();
    private readonly FakeDiscoveryProvider _provider = new();

    [Fact]
    public async Task RefreshAsync_ManyConcurrentCallersWhileFetchPending_CallsProviderOnce()
    {
        await using var services = Build();
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        var gate = _provider.Hold();
        var started = new CallCounter();

        var callers = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            Task<ServiceSnapshot?> call = i % 2 == 0
                ? cache.GetSnapshotAsync("ratings", CancellationToken.None).AsTask()
                : cache.RefreshAsync("ratings", CancellationToken.None).ContinueWith(_ => (ServiceSnapshot?)null, TaskScheduler.Default);
            started.Increment();
            return await call;
        })).ToArray();
        await started.WaitForAsync(32);

        _provider.Calls.Count.Should().Be(1);
        callers.Should().OnlyContain(c => !c.IsCompleted);
        gate.SetResult(DiscoveryResult.FromInstances([Instance("ratings", 5001)]));
        var snapshots = await Task.WhenAll(callers).Bounded();

        _provider.Calls.Count.Should().Be(1);
        cache.Services.Should().Equal("ratings");
        snapshots.Where(s => s is not null).Should().HaveCount(16).And.OnlyContain(s => s!.Version == 1);
    }

    [Fact]
    public async Task GetSnapshotAsync_FirstRequest_WaitsForTheFirstFetch()
    {
        await using var services = Build();
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        var gate = _provider.Hold();

        var pending = cache.GetSnapshotAsync("ratings", CancellationToken.None).AsTask();
        await _provider.Calls.WaitForAsync(1);
        cache.TryGetSnapshot("ratings", out _).Should().BeFalse();
        pending.IsCompleted.Should().BeFalse();
        gate.SetResult(DiscoveryResult.FromInstances([Instance("ratings", 5001)]));
        var snapshot = await pending.Bounded();

        snapshot.Should().NotBeNull();
        snapshot!.Version.Should().Be(1);
        snapshot.Source.Should().Be(ProviderName);
        snapshot.Instances.Should().ContainSingle(i => i.Port == 5001);
    }

    [Fact]
    public async Task GetSnapshotAsync_ProviderNeverAnswers_GivesUpAtInitialFetchTimeout()
    {
        await using var services = Build(("Mesh:Discovery:InitialFetchTimeout", "00:00:07"), ("Mesh:Discovery:FetchTimeout", "00:01:00"));
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        _provider.Hold();

        var pending = cache.GetSnapshotAsync("ratings", CancellationToken.None).AsTask();
        await _provider.Calls.WaitForAsync(1);
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(7));
        _time.Advance(TimeSpan.FromSeconds(7) - TimeSpan.FromMilliseconds(1));
        pending.IsCompleted.Should().BeFalse();
        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await pending.Bounded()).Should().BeNull();
        _provider.Calls.Count.Should().Be(1);
    }

    [Fact]
    public async Task ChangeSignal_InstancesChanged_RefetchesWithNewVersionAndEvent()
    {
        _provider.SupportsWatch = true;
        await using var services = Build();
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        _provider.Returns(Instance("ratings", 5001));
        await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        using var events = services.GetRequiredService<IMeshEventStream>().Subscribe();

        _provider.Returns(Instance("ratings", 5001), Instance("ratings", 5002));
        _provider.SignalChange();
        var changed = await events.NextAsync<InstancesChangedEvent>();

        changed.ServiceName.Should().Be("ratings");
        changed.Version.Should().Be(2);
        changed.InstanceCount.Should().Be(2);
        changed.Added.Should().Be(1);
        changed.Removed.Should().Be(0);
        cache.TryGetSnapshot("ratings", out var snapshot).Should().BeTrue();
        snapshot!.Version.Should().Be(2);
        snapshot.Instances.Select(i => i.Port).Should().BeEquivalentTo([5001, 5002]);
    }

    [Fact]
    public async Task ChangeSignal_SignalledWhileFetchRuns_IsNotLost()
    {
        _provider.SupportsWatch = true;
        await using var services = Build();
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        _provider.Returns(Instance("ratings", 5001));
        await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        using var events = services.GetRequiredService<IMeshEventStream>().Subscribe();

        // The fetch reads the old instances; the registry changes before the fetch returns.
        var gate = _provider.Hold();
        var refresh = cache.RefreshAsync("ratings", CancellationToken.None);
        await _provider.Calls.WaitForAsync(2);
        _provider.Returns(Instance("ratings", 5001), Instance("ratings", 5002));
        _provider.SignalChange();
        gate.SetResult(DiscoveryResult.FromInstances([Instance("ratings", 5001)]));
        await refresh.Bounded();

        var changed = await events.NextAsync<InstancesChangedEvent>();
        changed.InstanceCount.Should().Be(2);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ChangeSignal_SameInstances_KeepsVersionWithoutEvent(bool reordered)
    {
        _provider.SupportsWatch = true;
        await using var services = Build();
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        _provider.Returns(Instance("ratings", 5001), Instance("ratings", 5002));
        var first = await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        using var events = services.GetRequiredService<IMeshEventStream>().Subscribe();

        _provider.Returns(reordered
            ? [Instance("ratings", 5002), Instance("ratings", 5001)]
            : [Instance("ratings", 5001), Instance("ratings", 5002)]);
        _provider.SignalChange();
        await _provider.Calls.WaitForAsync(2);
        await cache.RefreshAsync("ratings", CancellationToken.None).Bounded();

        cache.TryGetSnapshot("ratings", out var snapshot).Should().BeTrue();
        snapshot.Should().BeSameAs(first);
        snapshot!.Version.Should().Be(1);
        events.Drain<InstancesChangedEvent>().Should().BeEmpty();
    }

    [Fact]
    public async Task RefreshTimer_ProviderCannotWatch_PollsAtRefreshInterval()
    {
        await using var services = Build();
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        _provider.Returns(Instance("ratings", 5001));
        await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        using var events = services.GetRequiredService<IMeshEventStream>().Subscribe();

        await _time.WaitForTimerAsync(RefreshInterval, IsEntry);
        _time.Advance(RefreshInterval - TimeSpan.FromMilliseconds(1));
        _provider.Calls.Count.Should().Be(1);
        _provider.Returns(Instance("ratings", 5002));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await _provider.Calls.WaitForAsync(2);
        (await events.NextAsync<InstancesChangedEvent>()).Version.Should().Be(2);

        await _time.WaitForTimerAsync(RefreshInterval, IsEntry);
        _time.Advance(RefreshInterval);
        await _provider.Calls.WaitForAsync(3);
    }

    [Fact]
    public async Task RefreshAsync_InstancesChange_KeepsStatesOfStayingInstancesAndDropsLeavers()
    {
        await using var services = Build();
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        _provider.Returns(Instance("ratings", 5001), Instance("ratings", 5002));
        await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        var before = cache.GetInstanceStates("ratings");
        var staying = before.Single(s => s.Instance.Port == 5002);

        _provider.Returns(Instance("ratings", 5002, InstanceStatus.Down), Instance("ratings", 5003));
        await cache.RefreshAsync("ratings", CancellationToken.None).Bounded();
        var after = cache.GetInstanceStates("ratings");

        before.Should().HaveCount(2);
        after.Select(s => s.Instance.Port).Should().BeEquivalentTo([5002, 5003]);
        after.Single(s => s.Instance.Port == 5002).Should().BeSameAs(staying);
        staying.Instance.Status.Should().Be(InstanceStatus.Down);
        after.Should().NotContain(s => s.Instance.Port == 5001);
    }

    [Fact]
    public async Task GetInstanceStates_UnknownService_IsEmpty()
    {
        await using var services = Build();

        services.GetRequiredService<IServiceInstanceCache>().GetInstanceStates("nobody").Should().BeEmpty();
    }

    [Fact]
    public async Task GetSnapshotAsync_ServiceNameInOtherCase_SharesOneEntry()
    {
        await using var services = Build();
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        _provider.Returns(Instance("ratings", 5001));

        var lower = await cache.GetSnapshotAsync("ratings", CancellationToken.None);
        var upper = await cache.GetSnapshotAsync("RATINGS", CancellationToken.None);

        upper.Should().BeSameAs(lower);
        _provider.Calls.Count.Should().Be(1);
    }

    [Fact]
    public async Task GetSnapshotAsync_NoProviderKnowsTheService_ReturnsNull()
    {
        await using var services = Build();
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        _provider.ReturnsNotFound();

        (await cache.GetSnapshotAsync("nobody", CancellationToken.None)).Should().BeNull();
    }

    private static bool IsEntry(object? state) => state is ServiceEntry;

    private ServiceProvider Build(params (string Key, string? Value)[] settings)
        => MeshServices.Build(_time, _provider, [("Mesh:Discovery:RefreshInterval", "00:00:20"), .. settings]);
}
