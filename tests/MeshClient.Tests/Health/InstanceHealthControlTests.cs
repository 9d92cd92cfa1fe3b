using System.Net;
using MeshClient.Discovery;
using MeshClient.Events;
using MeshClient.Health;
using MeshClient.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using BrokenCircuitException = Polly.CircuitBreaker.BrokenCircuitException;

namespace MeshClient.Tests.Health;

/// <summary>The operator and recovery control of instance health, resolved from <c>AddMeshClient</c>.</summary>
public sealed class InstanceHealthControlTests
{
    private const string Service = ServiceHealthFixture.Service;

    [Fact]
    public async Task Eject_KnownInstance_EjectsForTheBaseTimeAndPublishesTheReason()
    {
        await using var mesh = await ServiceHealthFixture.StartAsync(3);
        var target = mesh.States[0];

        var result = Control(mesh).Eject(Service, target.Instance.InstanceId, "recovery");

        result.Should().Be(InstanceEjectionResult.Ejected);
        target.GetHealthReport().Should().BeEquivalentTo(new { Ejected = true, EjectedUntil = mesh.Time.GetUtcNow().AddSeconds(30) });
        mesh.Entry.Balancer.HealthyCount.Should().Be(2, "the picker was rebuilt without it");
        (await mesh.Events.NextAsync<InstanceEjectedEvent>()).Should().BeEquivalentTo(
            new { target.Instance.InstanceId, Reason = "recovery", TimesEjected = 1, Duration = TimeSpan.FromSeconds(30) });
    }

    [Fact]
    public async Task Eject_UnknownServiceOrInstance_ReportsUnknown()
    {
        await using var mesh = await ServiceHealthFixture.StartAsync(3);
        var control = Control(mesh);

        control.Eject("nobody", "127.0.0.1:6001", "recovery").Should().Be(InstanceEjectionResult.UnknownInstance);
        control.Eject(Service, "127.0.0.1:9999", "recovery").Should().Be(InstanceEjectionResult.UnknownInstance);
        control.Readmit("nobody", "127.0.0.1:6001").Should().BeFalse();
    }

    [Fact]
    public async Task Eject_AlreadyEjected_ChangesNothing()
    {
        await using var mesh = await ServiceHealthFixture.StartAsync(3);
        var control = Control(mesh);
        var id = mesh.States[0].Instance.InstanceId;
        control.Eject(Service, id, "recovery");

        control.Eject(Service, id, "recovery").Should().Be(InstanceEjectionResult.AlreadyEjected);
        mesh.Events.Drain<InstanceEjectedEvent>().Should().ContainSingle();
    }

    [Fact]
    public async Task Eject_BeyondMaxEjectionPercent_StaysIn()
    {
        await using var mesh = await ServiceHealthFixture.StartAsync(4);
        var control = Control(mesh);
        var states = mesh.States;

        control.Eject(Service, states[0].Instance.InstanceId, "recovery").Should().Be(InstanceEjectionResult.Ejected);
        control.Eject(Service, states[1].Instance.InstanceId, "recovery").Should().Be(InstanceEjectionResult.Ejected);
        control.Eject(Service, states[2].Instance.InstanceId, "recovery").Should().Be(InstanceEjectionResult.MaxEjectionPercentReached);

        states[2].GetHealthReport().Ejected.Should().BeFalse("3 of 4 is above the default 50 %");
    }

    [Fact]
    public async Task Readmit_Ejected_BackNowWarmingUpWithAnEvent()
    {
        await using var mesh = await ServiceHealthFixture.StartAsync(3, null, ("Mesh:Health:SlowStart:Window", "00:01:00"));
        var control = Control(mesh);
        var target = mesh.States[0];
        control.Eject(Service, target.Instance.InstanceId, "recovery");

        control.Readmit(Service, target.Instance.InstanceId).Should().BeTrue();

        target.GetHealthReport().Health.Should().Be(InstanceHealthState.Warming);
        (await mesh.Events.NextAsync<InstanceReadmittedEvent>()).InstanceId.Should().Be(target.Instance.InstanceId);
        control.Readmit(Service, target.Instance.InstanceId).Should().BeFalse("it is not ejected any more");
    }

    [Fact]
    public async Task Reset_EjectionPenaltyAndMultiplier_AllCleared()
    {
        await using var mesh = await ServiceHealthFixture.StartAsync(3);
        var control = Control(mesh);
        var states = mesh.States;
        var id = states[0].Instance.InstanceId;
        control.Eject(Service, id, "recovery");
        mesh.Time.Advance(TimeSpan.FromSeconds(30));
        control.Eject(Service, id, "recovery");
        states[0].Health.TimesEjected.Should().Be(2);
        mesh.Entry.Health.OnRateLimited(states[1], TimeSpan.FromSeconds(60), mesh.Entry.Balancer.Settings!.Health);

        control.Reset().Should().Be(2);

        states.Should().AllSatisfy(s => s.GetHealthReport().Health.Should().Be(InstanceHealthState.Healthy));
        mesh.Entry.Balancer.HealthyCount.Should().Be(3);
        control.Eject(Service, id, "recovery");
        mesh.Events.Drain<InstanceEjectedEvent>().Select(e => e.TimesEjected).Should().Equal(1, 2, 1);
        control.Reset().Should().Be(1);
        control.Reset().Should().Be(0, "nothing is left to reset");
    }

    [Fact]
    public async Task Reset_OpenBreaker_ClosesThePollyBreaker()
    {
        await using var mesh = await ServiceHealthFixture.StartAsync(
            3,
            null,
            ("Mesh:Resilience:CircuitBreaker:MinimumThroughput", "2"),
            ("Mesh:Resilience:CircuitBreaker:FailureRatio", "0.5"));
        var target = mesh.States[0];
        var pipeline = target.Resilience.Get(mesh.Entry.Balancer.Settings!.Resilience, mesh.Entry, target, mesh.Time);
        for (var i = 0; i < 2; i++)
        {
            using var failed = await pipeline.ExecuteAsync(static _ => ValueTask.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));
        }

        target.GetHealthReport().Circuit.Should().Be(CircuitState.Open);
        var blocked = async () => await pipeline.ExecuteAsync(static _ => ValueTask.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));
        await blocked.Should().ThrowAsync<BrokenCircuitException>();

        Control(mesh).Reset().Should().Be(1);

        target.GetHealthReport().Should().BeEquivalentTo(new { Circuit = CircuitState.Closed, Health = InstanceHealthState.Healthy });
        using var response = await pipeline.ExecuteAsync(static _ => ValueTask.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the breaker itself is closed, not only the picker's view of it");
    }

    [Fact]
    public async Task RefreshAsync_RegistryChanged_RefetchesEveryKnownService()
    {
        await using var mesh = await ServiceHealthFixture.StartAsync(3);
        var calls = mesh.Provider.Calls.Count;
        mesh.Provider.Returns(FakeDiscoveryProvider.Instance(Service, 6001));

        await Control(mesh).RefreshAsync(CancellationToken.None).Bounded();

        mesh.Provider.Calls.Count.Should().BeGreaterThan(calls);
        mesh.Entry.Snapshot!.Instances.Should().ContainSingle();
    }

    [Fact]
    public async Task RefreshAsync_RegistryFails_KeepsTheLastGoodInstances()
    {
        await using var mesh = await ServiceHealthFixture.StartAsync(3);
        mesh.Provider.Throws("registry down");

        await Control(mesh).RefreshAsync(CancellationToken.None).Bounded();

        mesh.Entry.Snapshot!.Instances.Should().HaveCount(3);
        mesh.Entry.LastError.Should().Be("registry down");
    }

    [Fact]
    public void AddMeshClient_Twice_RegistersOneControl()
    {
        var services = new ServiceCollection();
        services.AddMeshClient();
        services.AddMeshClient();

        services.Count(d => d.ServiceType == typeof(IInstanceHealthControl)).Should().Be(1);
    }

    private static IInstanceHealthControl Control(ServiceHealthFixture mesh) => mesh.Services.GetRequiredService<IInstanceHealthControl>();
}
