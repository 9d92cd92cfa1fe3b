using MeshClient.Discovery;
using MeshClient.Events;
using MeshClient.Registration;
using MeshClient.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeshClient.Tests.Registration;

/// <summary>Self-registration calls feed the registry reachability events, deduplicated with discovery's.</summary>
public sealed class RegistrationReachabilityTests
{
    private readonly TestTimeProvider _time = new();

    [Fact]
    public async Task RegisterLoop_RegistryDownThenUp_PublishesUnreachableThenReachableOnce()
    {
        var registrar = new FakeRegistrar(FakeDiscoveryProvider.ProviderName)
        {
            OnRegister = static attempt => attempt <= 2 ? Task.FromException(new HttpRequestException("registry down")) : Task.CompletedTask,
        };
        using var host = BuildHost(registrar);
        using var events = host.Services.GetRequiredService<IMeshEventStream>().Subscribe();
        await host.StartAsync();

        var unreachable = await events.NextAsync<RegistryReachabilityChangedEvent>();
        foreach (var seconds in new[] { 1, 2 })
        {
            await _time.WaitForTimerAsync(TimeSpan.FromSeconds(seconds));
            _time.Advance(TimeSpan.FromSeconds(seconds));
        }

        await events.NextAsync<RegistrationStateChangedEvent>(e => e.State == RegistrationState.Registered);
        var reachable = await events.NextAsync<RegistryReachabilityChangedEvent>();
        await host.StopAsync();

        unreachable.Should().BeEquivalentTo(new { Provider = FakeDiscoveryProvider.ProviderName, Reachable = false, Reason = "registry down" });
        reachable.Reachable.Should().BeTrue();
        registrar.Registers.Count.Should().Be(3);
        events.Drain<RegistryReachabilityChangedEvent>().Should().BeEmpty("the second failure was no transition");
    }

    private IHost BuildHost(FakeRegistrar registrar)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddSettings(
            ("Mesh:Discovery:Provider", FakeDiscoveryProvider.ProviderName),
            ("Mesh:Registration:ServiceName", "orders"),
            ("Mesh:Registration:Host", "127.0.0.1"),
            ("Mesh:Registration:Port", "7001"),
            ("Mesh:Registration:RenewInterval", "00:00:10"),
            ("Mesh:Registration:LeaseDuration", "00:00:30"));
        builder.Logging.AddFakeLogging();
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton<IServiceDiscoveryProvider>(new FakeDiscoveryProvider());
        builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh"));
        builder.Services.AddSingleton<IServiceRegistrar>(registrar);
        return builder.Build();
    }
}
