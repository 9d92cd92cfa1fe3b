using MeshClient.AspNetCore.Drain;
using MeshClient.Discovery;
using MeshClient.Registration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.AspNetCore.Tests.Drain;

/// <summary>The drain sequence on a fake clock: readiness fails at once, OutOfService is pushed, then it waits.</summary>
public sealed class GracefulDrainTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingRegistration _registration = new();
    private readonly InFlightRequests _requests = new();
    private readonly ApplicationLifetime _lifetime = new(NullLogger<ApplicationLifetime>.Instance);
    private readonly MeshDrainOptions _options = new() { Delay = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task ApplicationStopping_Signalled_FailsReadinessAndPushesOutOfServiceAtOnce()
    {
        using var drain = CreateDrain();
        var check = new DrainReadinessCheck(drain);
        (await check.CheckHealthAsync(new HealthCheckContext())).Status.Should().Be(HealthStatus.Healthy);
        await drain.StartAsync(CancellationToken.None);

        _lifetime.StopApplication();

        drain.IsDraining.Should().BeTrue();
        (await check.CheckHealthAsync(new HealthCheckContext())).Status.Should().Be(HealthStatus.Unhealthy);
        _registration.Pushed.Should().Equal(InstanceStatus.OutOfService);
    }

    [Fact]
    public async Task StoppingAsync_NoRequestInFlight_EndsAfterTheDelay()
    {
        using var drain = CreateDrain();
        var stopping = drain.StoppingAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(4));
        stopping.IsCompleted.Should().BeFalse();
        _time.Advance(TimeSpan.FromSeconds(1));

        await stopping.WaitAsync(Bound);
        _registration.Pushed.Should().Equal(InstanceStatus.OutOfService);
    }

    [Fact]
    public async Task StoppingAsync_RequestInFlightAfterTheDelay_WaitsUntilItEnds()
    {
        using var drain = CreateDrain();
        _requests.Enter();
        var stopping = drain.StoppingAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(10));
        stopping.IsCompleted.Should().BeFalse();
        _requests.Exit();

        await stopping.WaitAsync(Bound);
        _requests.Count.Should().Be(0);
    }

    [Fact]
    public async Task StoppingAsync_RequestNeverEnds_EndsAtTheDeadline()
    {
        using var drain = CreateDrain();
        _requests.Enter();
        var stopping = drain.StoppingAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(19));
        stopping.IsCompleted.Should().BeFalse();
        _time.Advance(TimeSpan.FromSeconds(1));

        await stopping.WaitAsync(Bound);
        _requests.Count.Should().Be(1);
    }

    [Fact]
    public async Task StoppingAsync_AfterApplicationStopping_AwaitsTheSameDrainAndPushesOnce()
    {
        using var drain = CreateDrain();
        await drain.StartAsync(CancellationToken.None);
        _lifetime.StopApplication();

        var stopping = drain.StoppingAsync(CancellationToken.None);
        _time.Advance(_options.Delay);

        await stopping.WaitAsync(Bound);
        await drain.StoppingAsync(CancellationToken.None).WaitAsync(Bound);
        _registration.Pushed.Should().Equal(InstanceStatus.OutOfService);
    }

    [Fact]
    public async Task StoppingAsync_RegistryFails_StillFailsReadinessAndWaitsTheDelay()
    {
        _registration.Failure = new InvalidOperationException("registry down");
        using var drain = CreateDrain();

        var stopping = drain.StoppingAsync(CancellationToken.None);

        drain.IsDraining.Should().BeTrue();
        stopping.IsCompleted.Should().BeFalse();
        _time.Advance(_options.Delay);
        await stopping.WaitAsync(Bound);
    }

    [Fact]
    public async Task StoppingAsync_Disabled_FailsReadinessButNeitherPushesNorWaits()
    {
        _options.Enabled = false;
        using var drain = CreateDrain();

        await drain.StoppingAsync(CancellationToken.None).WaitAsync(Bound);

        drain.IsDraining.Should().BeTrue();
        _registration.Pushed.Should().BeEmpty();
    }

    [Fact]
    public async Task StoppingAsync_HostShutdownTimeoutFires_ReturnsBeforeTheDrainEnds()
    {
        using var drain = CreateDrain();
        _requests.Enter();
        using var shutdown = new CancellationTokenSource();
        var stopping = drain.StoppingAsync(shutdown.Token);

        await shutdown.CancelAsync();

        await stopping.WaitAsync(Bound);
        _requests.Count.Should().Be(1);
    }

    private GracefulDrain CreateDrain() => new(
        _lifetime,
        _registration,
        _requests,
        Options.Create(_options),
        Options.Create(new HostOptions()),
        _time,
        NullLogger<GracefulDrain>.Instance);

    private sealed class RecordingRegistration : IMeshRegistration
    {
        public List<InstanceStatus> Pushed { get; } = [];

        public Exception? Failure { get; set; }

        public RegistrationState State => RegistrationState.Registered;

        public ServiceRegistration? Current => null;

        public Task SetStatusAsync(InstanceStatus status, CancellationToken cancellationToken)
        {
            if (Failure is not null)
            {
                return Task.FromException(Failure);
            }

            Pushed.Add(status);
            return Task.CompletedTask;
        }

        public Task DeregisterAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
