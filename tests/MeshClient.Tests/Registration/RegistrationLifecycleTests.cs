using MeshClient.Discovery;
using MeshClient.Discovery.InMemory;
using MeshClient.Events;
using MeshClient.Registration;
using MeshClient.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace MeshClient.Tests.Registration;

/// <summary>The hosted self-registration lifecycle, in a real host on the fake clock with the InMemory provider.</summary>
public sealed class RegistrationLifecycleTests
{
    private const string InstanceId = "127.0.0.1:orders:7001";
    private static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(10);
    private readonly TestTimeProvider _time = new();

    [Fact]
    public async Task StartAsync_InMemory_RegistersOnceTheHostStarted()
    {
        using var host = BuildHost();
        using var events = Events(host);

        await StartRegisteredAsync(host, events);

        var instance = Registry(host).GetInstances("orders").Should().ContainSingle().Subject;
        instance.InstanceId.Should().Be(InstanceId);
        instance.BaseAddress.Should().Be("http://127.0.0.1:7001");
        instance.Status.Should().Be(InstanceStatus.Up);
        var registration = host.Services.GetRequiredService<IMeshRegistration>();
        registration.State.Should().Be(RegistrationState.Registered);
        registration.Current!.Instance.InstanceId.Should().Be(InstanceId);
        await host.StopAsync();
    }

    [Fact]
    public async Task StopAsync_Registered_Deregisters()
    {
        using var host = BuildHost();
        using var events = Events(host);
        await StartRegisteredAsync(host, events);

        await host.StopAsync().Bounded();

        Registry(host).GetInstances("orders").Should().BeEmpty();
        host.Services.GetRequiredService<IMeshRegistration>().State.Should().Be(RegistrationState.Deregistered);
        (await events.NextAsync<RegistrationStateChangedEvent>()).State.Should().Be(RegistrationState.Deregistered);
    }

    [Fact]
    public async Task RenewLoop_Registered_RenewsEveryRenewInterval()
    {
        var registrar = new FakeRegistrar("InMemory");
        using var host = BuildHost(registrar);
        using var events = Events(host);
        await StartRegisteredAsync(host, events);

        for (var renewal = 1; renewal <= 3; renewal++)
        {
            await _time.WaitForTimerAsync(RenewInterval);
            _time.Advance(RenewInterval - TimeSpan.FromMilliseconds(1));
            registrar.Renews.Count.Should().Be(renewal - 1);
            _time.Advance(TimeSpan.FromMilliseconds(1));
            await registrar.Renews.WaitForAsync(renewal);
        }

        registrar.Registers.Count.Should().Be(1);
        await host.StopAsync();
        registrar.Deregisters.Count.Should().Be(1);
    }

    [Fact]
    public async Task RenewLoop_RegistryForgotTheInstance_RegistersAgain()
    {
        using var host = BuildHost();
        using var events = Events(host);
        await StartRegisteredAsync(host, events);
        var registry = Registry(host);
        registry.Deregister("orders", InstanceId).Should().BeTrue();
        var registeredAgain = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = registry.Watch("orders").RegisterChangeCallback(_ => registeredAgain.TrySetResult(), null);

        await _time.WaitForTimerAsync(RenewInterval);
        _time.Advance(RenewInterval);
        await registeredAgain.Task.Bounded();

        registry.GetInstances("orders").Should().ContainSingle(i => i.InstanceId == InstanceId);
        host.Services.GetRequiredService<FakeLogCollector>().GetSnapshot()
            .Should().Contain(r => r.Level == LogLevel.Warning && r.Message.Contains("no longer knows"));
        await host.StopAsync();
    }

    [Fact]
    public async Task SetStatusAsync_Registered_PushesToTheRegistryAndSurvivesRenewals()
    {
        using var host = BuildHost();
        using var events = Events(host);
        await StartRegisteredAsync(host, events);
        var registration = host.Services.GetRequiredService<IMeshRegistration>();

        await registration.SetStatusAsync(InstanceStatus.OutOfService, CancellationToken.None).Bounded();
        Registry(host).GetInstances("orders").Single().Status.Should().Be(InstanceStatus.OutOfService);
        registration.Current!.Instance.Status.Should().Be(InstanceStatus.OutOfService);
        await _time.WaitForTimerAsync(RenewInterval);
        _time.Advance(RenewInterval);
        await _time.WaitForTimerAsync(RenewInterval);

        Registry(host).GetInstances("orders").Single().Status.Should().Be(InstanceStatus.OutOfService);
        await registration.SetStatusAsync(InstanceStatus.Up, CancellationToken.None).Bounded();
        Registry(host).GetInstances("orders").Single().Status.Should().Be(InstanceStatus.Up);
        await host.StopAsync();
    }

    [Fact]
    public async Task SetStatusAsync_BeforeStart_RegistersWithThatStatus()
    {
        using var host = BuildHost();
        using var events = Events(host);

        await host.Services.GetRequiredService<IMeshRegistration>().SetStatusAsync(InstanceStatus.Starting, CancellationToken.None);
        await StartRegisteredAsync(host, events);

        Registry(host).GetInstances("orders").Single().Status.Should().Be(InstanceStatus.Starting);
        await host.StopAsync();
    }

    [Fact]
    public async Task RegisterLoop_RegistrarThrows_RetriesWithBackoffCappedAndNeverStopsTheHost()
    {
        var registrar = new FakeRegistrar("InMemory")
        {
            OnRegister = attempt => attempt <= 5 ? Task.FromException(new HttpRequestException("registry down")) : Task.CompletedTask,
        };
        using var host = BuildHost(registrar, ("Mesh:Registration:MaxRetryDelay", "00:00:03"));
        using var events = Events(host);
        await host.StartAsync();
        await registrar.Registers.WaitForAsync(1);
        var failing = await events.NextAsync<RegistrationStateChangedEvent>(e => e.State == RegistrationState.Failing);

        var attempt = 1;
        foreach (var seconds in new[] { 1, 2, 3, 3, 3 })
        {
            var delay = TimeSpan.FromSeconds(seconds);
            await _time.WaitForTimerAsync(delay);
            _time.Advance(delay - TimeSpan.FromMilliseconds(1));
            registrar.Registers.Count.Should().Be(attempt, "no retry is due before {0}", delay);
            _time.Advance(TimeSpan.FromMilliseconds(1));
            await registrar.Registers.WaitForAsync(++attempt);
        }

        await events.NextAsync<RegistrationStateChangedEvent>(e => e.State == RegistrationState.Registered);
        failing.Reason.Should().Contain("registry down");
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested.Should().BeFalse();
        await host.StopAsync();
    }

    [Fact]
    public async Task StopAsync_RegistrarAlwaysFails_StopsCleanly()
    {
        var registrar = new FakeRegistrar("InMemory")
        {
            OnRegister = static _ => Task.FromException(new HttpRequestException("registry down")),
            OnDeregister = static _ => Task.FromException(new HttpRequestException("registry down")),
        };
        using var host = BuildHost(registrar);
        await host.StartAsync();
        await registrar.Registers.WaitForAsync(1);

        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested.Should().BeFalse();
        await host.StopAsync().Bounded();

        host.Services.GetRequiredService<IMeshRegistration>().State.Should().Be(RegistrationState.Failing);
    }

    [Fact]
    public async Task RenewLoop_StatusSetWhileRegistryFails_IsPushedOnceItRecovers()
    {
        var registrar = new FakeRegistrar("InMemory")
        {
            OnRenew = static attempt => attempt == 1 ? Task.FromException<bool>(new HttpRequestException("registry down")) : Task.FromResult(true),
        };
        using var host = BuildHost(registrar);
        using var events = Events(host);
        await StartRegisteredAsync(host, events);
        await _time.WaitForTimerAsync(RenewInterval);
        _time.Advance(RenewInterval);
        await events.NextAsync<RegistrationStateChangedEvent>(e => e.State == RegistrationState.Failing);

        await host.Services.GetRequiredService<IMeshRegistration>().SetStatusAsync(InstanceStatus.OutOfService, CancellationToken.None);
        registrar.StatusPushes.Count.Should().Be(0);
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        await registrar.StatusPushes.WaitForAsync(1);

        registrar.PushedStatuses.Should().Equal(InstanceStatus.OutOfService);
        registrar.Registers.Count.Should().Be(1);
        await host.StopAsync();
    }

    [Fact]
    public async Task StartAsync_StaticProvider_DoesNotRegister()
    {
        var registrar = new FakeRegistrar("Static");
        using var host = BuildHost(registrar, ("Mesh:Discovery:Provider", "Static"));

        await host.StartAsync();
        await host.StopAsync();

        registrar.Registers.Count.Should().Be(0);
        host.Services.GetRequiredService<IMeshRegistration>().State.Should().Be(RegistrationState.Disabled);
    }

    private static async Task StartRegisteredAsync(IHost host, MeshEventSubscription events)
    {
        await host.StartAsync();
        await events.NextAsync<RegistrationStateChangedEvent>(e => e.State == RegistrationState.Registered);
    }

    private static MeshEventSubscription Events(IHost host) => host.Services.GetRequiredService<IMeshEventStream>().Subscribe();

    private static InMemoryServiceRegistry Registry(IHost host) => host.Services.GetRequiredService<InMemoryServiceRegistry>();

    /// <param name="registrar">When set, registered after <c>AddMeshClient</c>, so that it serves its provider instead of the built-in one.</param>
    private IHost BuildHost(FakeRegistrar? registrar = null, params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        (string Key, string? Value)[] all =
        [
            ("Mesh:Discovery:Provider", "InMemory"),
            ("Mesh:Registration:ServiceName", "orders"),
            ("Mesh:Registration:Host", "127.0.0.1"),
            ("Mesh:Registration:Port", "7001"),
            ("Mesh:Registration:RenewInterval", "00:00:10"),
            ("Mesh:Registration:LeaseDuration", "00:00:30"),
            .. settings,
        ];
        builder.Configuration.AddSettings(all);
        builder.Logging.AddFakeLogging();
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh"));
        if (registrar is not null)
        {
            builder.Services.AddSingleton<IServiceRegistrar>(registrar);
        }

        return builder.Build();
    }
}
