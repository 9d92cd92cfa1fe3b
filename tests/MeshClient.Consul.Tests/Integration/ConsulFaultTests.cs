using System.Globalization;
using MeshClient.Testing.Consul;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Consul.Tests.Integration;

/// <summary>Faults: the watch keeps the last good set, logs one clear line without the token, backs off, never hot-loops.</summary>
public class ConsulFaultTests
{
    public static TheoryData<ConsulFaultKind> Faults => new() { ConsulFaultKind.StatusCode, ConsulFaultKind.InvalidBody, ConsulFaultKind.MissingIndex };

    private static async Task<(ConsulTestHost Host, ConsulTestAgent Consul)> WatchingAsync(FakeTimeProvider time, Action<Dictionary<string, string?>>? configure = null)
    {
        var consul = await ConsulTestAgent.StartAsync(time);
        consul.AclToken = ConsulTestHost.Token;
        consul.RegisterService("web", "web-1", 8081);
        var config = ConsulTestHost.Config(consul.Address);
        config["Mesh:Consul:Token"] = ConsulTestHost.Token;
        configure?.Invoke(config);
        var held = consul.WaitForRequestAsync(r => r.QueryValue("index") is not (null or "0"));
        var host = await ConsulTestHost.StartAsync(time, config);
        (await host.ResolveIdsAsync("web")).Should().Equal("web-1");
        await Wait.For(held);
        return (host, consul);
    }

    /// <summary>Wakes the held blocking call with an output-only change (same instances), then lets the next call (rate-limited: 1 s later) meet the fault.</summary>
    private static async Task FailNextBlockingCallAsync(FakeTimeProvider time, ConsulTestAgent consul)
    {
        consul.SetCheckStatus("service:web-1", "passing", "output-only change");
        var index = consul.Index.ToString(CultureInfo.InvariantCulture);
        var failed = consul.WaitForRequestAsync(r => r.Path == "/v1/health/service/web" && r.QueryValue("index") == index);
        await Wait.Advancing(time, failed, TimeSpan.FromMilliseconds(250));
    }

    private static void Arm(ConsulTestAgent consul, ConsulFaultKind fault)
    {
        switch (fault)
        {
            case ConsulFaultKind.StatusCode:
                consul.Faults.FailWith(500, "No cluster leader");
                break;
            case ConsulFaultKind.InvalidBody:
                consul.Faults.InvalidBody();
                break;
            default:
                consul.Faults.MissingIndex();
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Watch_Fault_KeepsLastGoodLogsWithoutTokenAndBacksOff(ConsulFaultKind fault)
    {
        var time = new FakeTimeProvider();
        var (host, consul) = await WatchingAsync(time);
        await using var _ = consul;
        await using var __ = host;

        Arm(consul, fault);
        await FailNextBlockingCallAsync(time, consul);
        // A failure is logged after its answer reached the agent's waiters, so wait for the request after the third one.
        string[] FailureLines() => [.. host.LogMessages.Where(m => m.StartsWith("Consul watch of web failed", StringComparison.Ordinal))];
        for (var retry = 0; retry < 6 && FailureLines().Length < 3; retry++)
        {
            var next = consul.WaitForRequestAsync(r => r.Path == "/v1/health/service/web");
            await Wait.Advancing(time, next, TimeSpan.FromMilliseconds(500));
        }

        var watcher = host.Watchers.GetOrStart("web");
        watcher.Result!.Instances.Select(i => i.InstanceId).Should().Equal(["web-1"], "the last good set is kept");
        var lines = FailureLines();
        lines.Should().HaveCountGreaterThanOrEqualTo(3).And.OnlyContain(m => m.Contains("Keeping the last good set (1 instances)", StringComparison.Ordinal));
        lines.Select(m => m[(m.LastIndexOf("retrying in ", StringComparison.Ordinal) + 12)..]).Take(3).Should().Equal("00:00:01.", "00:00:02.", "00:00:04.");
        host.LogMessages.Should().NotContain(m => m.Contains(ConsulTestHost.Token, StringComparison.Ordinal));
        (await host.CheckHealthAsync()).Status.Should().Be(HealthStatus.Degraded);

        consul.Faults.Clear();
        consul.RegisterService("web", "web-2", 8082);
        var recovered = consul.WaitForRequestAsync(r => r.Path == "/v1/health/service/web");
        await Wait.Advancing(time, recovered, TimeSpan.FromSeconds(1));
        await host.WaitForIdsAsync("web", "web-1", "web-2");
    }

    [Fact]
    public async Task Watch_BadToken403_KeepsLastGoodAndLogsConsulReasonWithoutToken()
    {
        var time = new FakeTimeProvider();
        var (host, consul) = await WatchingAsync(time);
        await using var _ = consul;
        await using var __ = host;

        consul.AclToken = "rotated-token";
        await FailNextBlockingCallAsync(time, consul);
        var logged = consul.WaitForRequestAsync(r => r.Path == "/v1/health/service/web");
        await Wait.Advancing(time, logged, TimeSpan.FromMilliseconds(500));

        host.Watchers.GetOrStart("web").Result!.Instances.Should().ContainSingle();
        host.LogMessages.Should().Contain(m => m.Contains("answered HTTP 403: ACL not found", StringComparison.Ordinal));
        host.LogMessages.Should().NotContain(m => m.Contains(ConsulTestHost.Token, StringComparison.Ordinal));
        var health = await host.CheckHealthAsync();
        health.Entries["consul"].Description.Should().NotContain(ConsulTestHost.Token);
        health.Entries["consul"].Data.Values.Select(v => v.ToString()).Should().NotContain(v => v!.Contains(ConsulTestHost.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watch_AgentHangs_TimeoutBeyondWaitThenLastGoodKept()
    {
        var time = new FakeTimeProvider();
        var (host, consul) = await WatchingAsync(time, c => c["Mesh:Consul:WaitTime"] = "00:00:16");
        await using var _ = consul;
        await using var __ = host;

        consul.Faults.Hang();
        await FailNextBlockingCallAsync(time, consul);

        // 16 s + 16/16 s + 5 s margin = 22 s: still waiting at 21.5 s.
        time.Advance(TimeSpan.FromSeconds(21.5));
        host.Watchers.GetOrStart("web").LastError.Should().BeNull();
        var retried = consul.WaitForRequestAsync(r => r.Path == "/v1/health/service/web");
        await Wait.Advancing(time, retried, TimeSpan.FromMilliseconds(200));

        host.Watchers.GetOrStart("web").Result!.Instances.Should().ContainSingle();
        host.LogMessages.Should().Contain(m => m.Contains("no answer within 00:00:22", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watch_IndexAlwaysBackwards_RateLimitedNoHotLoop()
    {
        var time = new FakeTimeProvider();
        var (host, consul) = await WatchingAsync(time);
        await using var _ = consul;
        await using var __ = host;
        var before = consul.Requests.Count;

        consul.Faults.BackwardsIndex();
        consul.RegisterService("web", "web-2", 8082);
        for (var step = 0; step < 5; step++)
        {
            var next = consul.WaitForRequestAsync(r => r.Path == "/v1/health/service/web");
            await Wait.Advancing(time, next, TimeSpan.FromMilliseconds(250));
        }

        // Two calls of burst, then one per second of the clock: about 5 calls for 5 s, never hundreds.
        (consul.Requests.Count - before).Should().BeInRange(3, 8);
        await host.WaitForIdsAsync("web", "web-1", "web-2");
    }

    [Fact]
    public async Task Startup_AgentUnreachable_HostStartsReadinessUnhealthyAndRegistrationRetries()
    {
        var time = new FakeTimeProvider();
        var config = ConsulTestHost.WithRegistration(ConsulTestHost.Config(new Uri("http://127.0.0.1:1")));
        config["Mesh:Consul:Token"] = ConsulTestHost.Token;
        await using var host = await ConsulTestHost.StartAsync(time, config);

        var health = await host.CheckHealthAsync();

        health.Entries["consul"].Status.Should().Be(HealthStatus.Unhealthy);
        health.Entries["consul"].Description.Should().Contain("http://127.0.0.1:1").And.NotContain(ConsulTestHost.Token);
        var resolve = () => host.Provider.ResolveAsync("web", CancellationToken.None).AsTask();
        await resolve.Should().ThrowAsync<Exception>();
        host.LogMessages.Should().NotContain(m => m.Contains(ConsulTestHost.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Agent_FixtureBodies_AcceptedAsRealAgentsDo()
    {
        var time = new FakeTimeProvider();
        await using var consul = await ConsulTestAgent.StartAsync(time);
        using var client = new HttpClient();

        var register = await client.PutAsync(new Uri(consul.Address, "/v1/agent/service/register?replace-existing-checks=true"), new StringContent(Fixture.Text("agent-service-register-body.json")));
        var check = Fixture.Text("agent-check-register-body.json").Replace("\"ID\": \"mem\"", "\"ID\": \"mem\", \"ServiceID\": \"redis1\", \"TTL\": \"30s\"", StringComparison.Ordinal);
        var checkRegister = await client.PutAsync(new Uri(consul.Address, "/v1/agent/check/register"), new StringContent(check));
        var update = await client.PutAsync(new Uri(consul.Address, "/v1/agent/check/update/mem"), new StringContent(Fixture.Text("agent-check-update-body.json")));
        var unknown = await client.PutAsync(new Uri(consul.Address, "/v1/agent/check/pass/nope"), null);
        var badMeta = await client.PutAsync(new Uri(consul.Address, "/v1/agent/service/register"), new StringContent("""{"Name":"x","Meta":{"management.port":"1"}}"""));
        var onlyPassing = await client.PutAsync(new Uri(consul.Address, "/v1/agent/service/register"), new StringContent("""{"Name":"w","Weights":{"Passing":16}}"""));

        (register.IsSuccessStatusCode, checkRegister.IsSuccessStatusCode, update.IsSuccessStatusCode).Should().Be((true, true, true));
        ((int)unknown.StatusCode, await unknown.Content.ReadAsStringAsync()).Should().Be((404, "Unknown check ID \"nope\". Ensure that the check ID is passed, not the check name."));
        ((int)badMeta.StatusCode, unknown.Content.Headers.ContentType!.MediaType).Should().Be((400, "text/plain"));
        var redis = consul.Services.Single(s => s.Id == "redis1");
        (redis.PassingWeight, redis.WarningWeight, redis.Meta["redis_version"]).Should().Be((10, 1, "4.0"));
        redis.Checks.Select(c => (c.Id, c.Status)).Should().BeEquivalentTo([("service:redis1", "critical"), ("mem", "passing")]);
        consul.Services.Single(s => s.Id == "w").WarningWeight.Should().Be(0, "Weights with only Passing make Warning 0");

        var health = await client.GetAsync(new Uri(consul.Address, "/v1/health/service/redis"));
        ulong.Parse(health.Headers.GetValues("X-Consul-Index").Single(), CultureInfo.InvariantCulture).Should().BeInRange(101, consul.Index);
        health.Headers.GetValues("X-Consul-Knownleader").Single().Should().Be("true");
        (await client.GetStringAsync(new Uri(consul.Address, "/v1/health/service/redis?passing"))).Should().Be("[]", "a new check starts critical");
        (await client.GetStringAsync(new Uri(consul.Address, "/v1/catalog/services"))).Should().Contain("\"redis\":[\"primary\",\"v1\"]");
        (await client.GetStringAsync(new Uri(consul.Address, "/v1/agent/checks"))).Should().Contain("\"mem\":{");
    }
}
