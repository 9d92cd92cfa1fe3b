using MeshClient.AspNetCore.Health;
using MeshClient.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.AspNetCore.Tests.Health;

/// <summary>The liveness watcher publishes liveness transitions of the <c>live</c> checks, on a fake clock.</summary>
public sealed class LivenessWatcherTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly SignallingTimeProvider _time = new();
    private readonly RecordingRegistration _registration = new() { Current = RecordingRegistration.Of("orders", "orders-1") };
    private readonly RecordingEvents _events = new();
    private readonly ApplicationLifetime _lifetime = new(NullLogger<ApplicationLifetime>.Instance);
    private readonly ServiceProvider _services;
    private volatile bool _cacheBroken;
    private volatile bool _deadlockThrows;

    public LivenessWatcherTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHealthChecks()
            .AddCheck("cache", () => _cacheBroken ? HealthCheckResult.Unhealthy("restart me") : HealthCheckResult.Healthy(), tags: ["live"])
            .AddCheck("deadlock", () => _deadlockThrows ? throw new InvalidOperationException("boom") : HealthCheckResult.Healthy(), tags: ["live"])
            .AddCheck("dependency", () => HealthCheckResult.Unhealthy("down"), tags: ["ready"]);
        _services = services.BuildServiceProvider();
    }

    [Fact]
    public async Task EvaluateAsync_LiveCheckFailsThenPasses_PublishesEachTransitionOnce()
    {
        using var watcher = CreateWatcher();
        (await watcher.EvaluateAsync(CancellationToken.None)).Should().BeNull("a passing start is no transition; ready checks are ignored");

        _cacheBroken = true;
        var failed = await watcher.EvaluateAsync(CancellationToken.None);
        (await watcher.EvaluateAsync(CancellationToken.None)).Should().BeNull();
        _cacheBroken = false;
        var passed = await watcher.EvaluateAsync(CancellationToken.None);

        _events.Published.Should().Equal(failed!, passed!);
        failed!.Kind.Should().Be("liveness.failed");
        failed.Severity.Should().Be(MeshEventSeverity.Critical);
        (failed.ServiceName, failed.InstanceId, failed.Probe, failed.Reason).Should().Be(("orders", "orders-1", ProbeStatusChangedEvent.Liveness, "cache"));
        passed!.Kind.Should().Be("liveness.passed");
        passed.Reason.Should().BeNull();
    }

    [Fact]
    public async Task EvaluateAsync_CheckThrows_CountsAsFailing()
    {
        _deadlockThrows = true;
        using var watcher = CreateWatcher();

        var failed = await watcher.EvaluateAsync(CancellationToken.None);

        failed!.Healthy.Should().BeFalse();
        failed.Reason.Should().Be("deadlock");
    }

    [Fact]
    public async Task Loop_HostStarted_EvaluatesOnEveryInterval()
    {
        _cacheBroken = true;
        using var watcher = CreateWatcher();
        await watcher.StartAsync(CancellationToken.None);

        _lifetime.NotifyStarted();

        // The first evaluation runs at once; then each interval's timer must exist before the clock moves.
        (await _time.TimerCreated.WaitAsync(Bound)).Should().BeTrue();
        _events.Published.Should().ContainSingle().Which.Kind.Should().Be("liveness.failed");
        _cacheBroken = false;
        _time.Advance(TimeSpan.FromSeconds(5));
        (await _time.TimerCreated.WaitAsync(Bound)).Should().BeTrue();
        await watcher.StopAsync(CancellationToken.None);

        _events.Published.Select(e => e.Kind).Should().Equal("liveness.failed", "liveness.passed");
    }

    public void Dispose() => _services.Dispose();

    private LivenessWatcher CreateWatcher() => new(
        _services.GetRequiredService<HealthCheckService>(),
        _registration,
        _lifetime,
        Options.Create(new MeshProbeOptions { MirrorInterval = TimeSpan.FromSeconds(5) }),
        _time,
        NullLogger<LivenessWatcher>.Instance,
        _events);

    /// <summary>A fake clock that signals every timer creation, so that a test advances only once the loop waits.</summary>
    private sealed class SignallingTimeProvider : FakeTimeProvider
    {
        public SemaphoreSlim TimerCreated { get; } = new(0);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            TimerCreated.Release();
            return timer;
        }
    }
}
