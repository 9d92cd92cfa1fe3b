using MeshClient.Registration;
using MeshClient.Testing.Consul;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Consul.Tests.Integration;

/// <summary>Self-registration against the in-process agent: both check modes, TTL pushes and expiry, re-registration, maintenance, deregistration.</summary>
public class ConsulRegistrationTests
{
    private const string Id = "127.0.0.1:ratings:5000";

    private static async Task<ConsulTestHost> RegisteredAsync(FakeTimeProvider time, ConsulTestAgent consul, Dictionary<string, string?> config)
    {
        var registered = consul.WaitForRequestAsync(r => r.Path == "/v1/agent/service/register");
        var host = await ConsulTestHost.StartAsync(time, config);
        await Wait.For(registered);
        return host;
    }

    [Fact]
    public async Task Register_TtlMode_PassingTtlCheckAndVisibleToDiscovery()
    {
        var time = new FakeTimeProvider();
        await using var consul = await ConsulTestAgent.StartAsync(time);
        await using var host = await RegisteredAsync(time, consul, ConsulTestHost.WithRegistration(ConsulTestHost.Config(consul.Address)));

        var service = consul.Services.Should().ContainSingle().Subject;
        service.Id.Should().Be(Id).And.NotBe(service.Name, "default ids are unique per replica");
        var check = service.Checks.Should().ContainSingle().Subject;
        (check.Id, check.Type, check.Status, check.Ttl, check.DeregisterCriticalServiceAfter).Should().Be(
            ("service:" + Id, "ttl", "passing", TimeSpan.FromSeconds(90), TimeSpan.FromMinutes(5)));
        (await host.ResolveIdsAsync("ratings")).Should().Equal(Id);
    }

    [Fact]
    public async Task Renew_TtlMode_PushesPassingUpdateThenStopDeregisters()
    {
        var time = new FakeTimeProvider();
        await using var consul = await ConsulTestAgent.StartAsync(time);
        await using var host = await RegisteredAsync(time, consul, ConsulTestHost.WithRegistration(ConsulTestHost.Config(consul.Address)));
        await host.ResolveIdsAsync("ratings");

        var pushed = consul.WaitForRequestAsync(r => r.Path == "/v1/agent/check/update/service:" + Id);
        var push = await Wait.Advancing(time, pushed, TimeSpan.FromSeconds(5));
        push.Body.Should().Contain("\"Status\":\"passing\"");

        await host.StopAsync();
        consul.Services.Should().BeEmpty("a graceful stop deregisters");
    }

    [Fact]
    public async Task TtlExpiry_NoPush_InstanceTurnsCriticalAndLeavesHealthySet()
    {
        var time = new FakeTimeProvider();
        await using var consul = await ConsulTestAgent.StartAsync(time);
        await using var registrar = await RegisteredAsync(time, consul, ConsulTestHost.WithRegistration(ConsulTestHost.Config(consul.Address)));
        var config = ConsulTestHost.Config(consul.Address);
        await using var watcher = await ConsulTestHost.StartAsync(time, config);
        (await watcher.ResolveIdsAsync("ratings")).Should().Equal(Id);

        consul.Faults.Hang(r => r.Path.StartsWith("/v1/agent/check/update/", StringComparison.Ordinal));
        time.Advance(TimeSpan.FromSeconds(91));
        consul.ExpireTtls();
        await watcher.WaitForIdsAsync("ratings");

        consul.Services.Single().Checks.Single().Output.Should().StartWith("TTL expired");
    }

    [Fact]
    public async Task Register_HttpMode_AgentPollsReadinessUrlAndInstanceBecomesPassing()
    {
        var time = new FakeTimeProvider();
        await using var consul = await ConsulTestAgent.StartAsync(time);
        var config = ConsulTestHost.WithRegistration(ConsulTestHost.Config(consul.Address), "Http");
        config["Mesh:Consul:Check:HttpPath"] = new Uri(consul.Address, "/v1/status/leader").AbsoluteUri;
        await using var host = await RegisteredAsync(time, consul, config);
        var check = consul.Services.Single().Checks.Single();
        (check.Type, check.Status, check.Interval).Should().Be(("http", "critical", TimeSpan.FromSeconds(10)), "an HTTP check starts critical");
        (await host.ResolveIdsAsync("ratings")).Should().BeEmpty();

        await consul.RunHttpChecksAsync();
        await host.WaitForIdsAsync("ratings", Id);

        consul.Services.Single().Checks.Single().Output.Should().Contain(": 200 OK Output:");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Renew_AgentForgotCheck_RegistersAgain(bool legacyErrors)
    {
        var time = new FakeTimeProvider();
        await using var consul = await ConsulTestAgent.StartAsync(time);
        consul.LegacyTtlErrors = legacyErrors;
        await using var host = await RegisteredAsync(time, consul, ConsulTestHost.WithRegistration(ConsulTestHost.Config(consul.Address)));
        await Wait.Until(() => host.Registration.State == RegistrationState.Registered, static async () => await Task.Yield());

        consul.Forget();
        var again = consul.WaitForRequestAsync(r => r.Path == "/v1/agent/service/register");
        await Wait.Advancing(time, again, TimeSpan.FromSeconds(5));
        await Wait.Until(() => consul.Services.Any(s => s.Id == Id), static async () => await Task.Yield());

        consul.Services.Should().ContainSingle(s => s.Id == Id);
        host.LogMessages.Should().Contain(m => m.Contains("forgot the check", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Maintenance_EnableThenDisable_InstanceLeavesAndReturns()
    {
        var time = new FakeTimeProvider();
        await using var consul = await ConsulTestAgent.StartAsync(time);
        await using var host = await RegisteredAsync(time, consul, ConsulTestHost.WithRegistration(ConsulTestHost.Config(consul.Address)));
        await Wait.Until(() => host.Registration.State == RegistrationState.Registered, static async () => await Task.Yield());
        (await host.ResolveIdsAsync("ratings")).Should().Equal(Id);

        await host.Maintenance.EnableAsync("draining for deploy", CancellationToken.None);
        await host.WaitForIdsAsync("ratings");
        consul.Services.Single().Checks.Should().ContainSingle(c => c.Type == "maintenance").Which.Notes.Should().Be("draining for deploy");

        await host.Maintenance.DisableAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        await host.WaitForIdsAsync("ratings", Id);
    }

    [Fact]
    public async Task SetStatus_DownInTtlMode_FailingCheck()
    {
        var time = new FakeTimeProvider();
        await using var consul = await ConsulTestAgent.StartAsync(time);
        await using var host = await RegisteredAsync(time, consul, ConsulTestHost.WithRegistration(ConsulTestHost.Config(consul.Address)));
        await Wait.Until(() => host.Registration.State == RegistrationState.Registered, static async () => await Task.Yield());

        await host.Registration.SetStatusAsync(MeshClient.Discovery.InstanceStatus.Down, CancellationToken.None);

        consul.Services.Single().Checks.Single().Status.Should().Be("critical");
    }

    [Fact]
    public async Task Stop_Graceful_Deregisters()
    {
        var time = new FakeTimeProvider();
        await using var consul = await ConsulTestAgent.StartAsync(time);
        await using var host = await RegisteredAsync(time, consul, ConsulTestHost.WithRegistration(ConsulTestHost.Config(consul.Address)));
        await Wait.Until(() => host.Registration.State == RegistrationState.Registered, static async () => await Task.Yield());

        await host.StopAsync();

        consul.Requests.Should().Contain(r => r.Method == "PUT" && r.Path == "/v1/agent/service/deregister/" + Id);
        consul.Services.Should().BeEmpty();
    }

    [Fact]
    public async Task Reap_CriticalPastDeregisterAfter_ServiceRemovedByAgent()
    {
        var time = new FakeTimeProvider();
        await using var consul = await ConsulTestAgent.StartAsync(time);
        consul.RegisterService("web", "web-1", 8081);
        var body = """{"name":"web","id":"web-2","port":8082,"check":{"ttl":"10s","deregister_critical_service_after":"30s"}}""";
        using var client = new HttpClient();
        (await client.PutAsync(new Uri(consul.Address, "/v1/agent/service/register"), new StringContent(body))).IsSuccessStatusCode.Should().BeTrue();
        consul.Services.Single(s => s.Id == "web-2").Checks.Single().DeregisterCriticalServiceAfter.Should().Be(TimeSpan.FromMinutes(1), "below 1 min is raised to 1 min");

        time.Advance(TimeSpan.FromSeconds(59));
        consul.Reap().Should().Be(0, "critical (new checks start critical) for 59 s only");
        time.Advance(TimeSpan.FromSeconds(1));

        consul.Services.Select(s => s.Id).Should().Equal("web-1");
    }
}
