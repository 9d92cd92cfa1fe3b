using MeshClient.AspNetCore.Health;
using MeshClient.Discovery;
using MeshClient.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.AspNetCore.Tests.Health;

/// <summary>The mirror pushes readiness into the registry status, debounced, on a fake clock.</summary>
public sealed class ReadinessStatusMirrorTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingRegistration _registration = new();
    private readonly RecordingEvents _events = new();
    private readonly ServiceProvider _services;
    private HealthStatus _dependency = HealthStatus.Healthy;

    public ReadinessStatusMirrorTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHealthChecks()
            .AddCheck("dependency", () => new HealthCheckResult(_dependency, "dependency"), tags: ["ready"])
            .AddCheck("mesh-registration", () => HealthCheckResult.Unhealthy("registering"), tags: ["ready"])
            .AddCheck("cache", () => HealthCheckResult.Unhealthy("restart me"), tags: ["live"]);
        _services = services.BuildServiceProvider();
    }

    [Fact]
    public async Task EvaluateAsync_FirstEvaluationNotReady_PushesDownAtOnce()
    {
        _dependency = HealthStatus.Unhealthy;
        using var mirror = CreateMirror();

        var pushed = await mirror.EvaluateAsync(CancellationToken.None);

        pushed.Should().Be(InstanceStatus.Down);
        _registration.Pushed.Should().Equal(InstanceStatus.Down);
    }

    [Fact]
    public async Task EvaluateAsync_InstanceOutOfService_LeavesTheStatusAlone()
    {
        _dependency = HealthStatus.Unhealthy;
        _registration.Current = RecordingRegistration.Of("ratings", "ratings-1").WithStatus(InstanceStatus.OutOfService);
        using var mirror = CreateMirror();

        var pushed = await mirror.EvaluateAsync(CancellationToken.None);

        pushed.Should().BeNull("a drain's OUT_OF_SERVICE is not replaced by DOWN");
        _registration.Pushed.Should().BeEmpty();
    }

    [Fact]
    public async Task EvaluateAsync_ReadyAgain_PushesUpOnlyAfterTheDebounce()
    {
        _dependency = HealthStatus.Unhealthy;
        using var mirror = CreateMirror();
        await mirror.EvaluateAsync(CancellationToken.None);

        _dependency = HealthStatus.Healthy;
        (await mirror.EvaluateAsync(CancellationToken.None)).Should().BeNull();
        _time.Advance(TimeSpan.FromSeconds(5));
        (await mirror.EvaluateAsync(CancellationToken.None)).Should().BeNull();
        _time.Advance(TimeSpan.FromSeconds(5));
        (await mirror.EvaluateAsync(CancellationToken.None)).Should().Be(InstanceStatus.Up);

        _registration.Pushed.Should().Equal(InstanceStatus.Down, InstanceStatus.Up);
    }

    [Fact]
    public async Task EvaluateAsync_FlapShorterThanTheDebounce_PushesNothing()
    {
        using var mirror = CreateMirror();
        await mirror.EvaluateAsync(CancellationToken.None);

        _dependency = HealthStatus.Unhealthy;
        await mirror.EvaluateAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        _dependency = HealthStatus.Healthy;
        await mirror.EvaluateAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));
        await mirror.EvaluateAsync(CancellationToken.None);

        _registration.Pushed.Should().Equal(InstanceStatus.Up);
    }

    [Fact]
    public async Task EvaluateAsync_DegradedOrLiveFailure_CountsAsReady()
    {
        _dependency = HealthStatus.Degraded;
        using var mirror = CreateMirror();

        (await mirror.EvaluateAsync(CancellationToken.None)).Should().Be(InstanceStatus.Up);
    }

    [Fact]
    public async Task EvaluateAsync_ReadinessFailsThenPasses_PublishesEachTransitionOnce()
    {
        _registration.Current = RecordingRegistration.Of("orders", "orders-1");
        using var mirror = CreateMirror();
        await mirror.EvaluateAsync(CancellationToken.None);

        _dependency = HealthStatus.Unhealthy;
        await mirror.EvaluateAsync(CancellationToken.None);
        await mirror.EvaluateAsync(CancellationToken.None);
        _dependency = HealthStatus.Healthy;
        await mirror.EvaluateAsync(CancellationToken.None);

        var events = _events.Published.Cast<ProbeStatusChangedEvent>().ToList();
        events.Select(e => e.Kind).Should().Equal("readiness.failed", "readiness.passed");
        events[0].Reason.Should().Be("dependency", "the registration check is not part of the mirrored readiness");
        (events[0].ServiceName, events[0].InstanceId, events[0].Probe).Should().Be(("orders", "orders-1", ProbeStatusChangedEvent.Readiness));
        events[1].Reason.Should().BeNull();
    }

    [Fact]
    public async Task EvaluateAsync_MirrorOff_PublishesButPushesNothing()
    {
        _dependency = HealthStatus.Unhealthy;
        using var mirror = CreateMirror(mirror: false);

        (await mirror.EvaluateAsync(CancellationToken.None)).Should().BeNull();

        _registration.Pushed.Should().BeEmpty();
        _events.Published.Should().ContainSingle().Which.Kind.Should().Be("readiness.failed");
    }

    public void Dispose() => _services.Dispose();

    private ReadinessStatusMirror CreateMirror(bool mirror = true) => new(
        _services.GetRequiredService<HealthCheckService>(),
        _registration,
        new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance),
        Options.Create(new MeshProbeOptions { MirrorReadiness = mirror }),
        _time,
        NullLogger<ReadinessStatusMirror>.Instance,
        _events);
}
