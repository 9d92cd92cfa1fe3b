using MeshClient.Testing.Consul;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Consul.Tests.Integration;

/// <summary>Client and in-process agent over real loopback HTTP: blocking queries, index rules, passing/warning/critical, change signals.</summary>
public class ConsulDiscoveryTests
{
    [Fact]
    public async Task Watch_WaitTenMinutesClockFrozen_NewRegistrationArrivesByBlockingQuery()
    {
        var time = new FakeTimeProvider();
        await using var consul = await ConsulTestAgent.StartAsync(time);
        consul.RegisterService("web", "web-1", 8081);
        var config = ConsulTestHost.Config(consul.Address);
        config["Mesh:Consul:WaitTime"] = "00:10:00";
        await using var host = await ConsulTestHost.StartAsync(time, config);
        var held = consul.WaitForRequestAsync(r => r.Path == "/v1/health/service/web" && r.QueryValue("index") is not (null or "0"));
        (await host.ResolveIdsAsync("web")).Should().Equal("web-1");

        var blocking = await Wait.For(held);
        consul.RegisterService("web", "web-2", 8082);
        await host.WaitForIdsAsync("web", "web-1", "web-2");

        blocking.QueryValue("wait").Should().Be("10m");
        blocking.QueryValue("passing").Should().Be(string.Empty);
        time.GetUtcNow().Should().Be(new FakeTimeProvider().GetUtcNow(), "the clock never moved: the query returned on the change, not on a timeout");
    }

    [Fact]
    public async Task Watch_IndexBumpWithSameContent_NoChangeEvent()
    {
        var time = new FakeTimeProvider();
        await using var consul = await ConsulTestAgent.StartAsync(time);
        consul.RegisterService("web", "web-1", 8081);
        await using var host = await ConsulTestHost.StartAsync(time, ConsulTestHost.Config(consul.Address));
        var held = consul.WaitForRequestAsync(r => r.QueryValue("index") is not (null or "0"));
        await host.ResolveIdsAsync("web");
        var watcher = host.Watchers.GetOrStart("web");
        var token = watcher.Watch();
        await Wait.For(held);

        // An output-only change bumps the index of the service, as real agents do; the instances are the same.
        var before = consul.Index;
        var next = consul.WaitForRequestAsync(r => r.QueryValue("index") == (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        consul.SetCheckStatus("service:web-1", "passing", "HTTP GET http://127.0.0.1:8081/: 200 OK");
        await Wait.Advancing(time, next, TimeSpan.FromSeconds(1));

        token.HasChanged.Should().BeFalse();
        watcher.Index.Should().Be(consul.Index);
    }

    [Fact]
    public async Task Watch_IndexGoesBackwards_ResetsToZeroThenBlocksAgain()
    {
        var time = new FakeTimeProvider();
        await using var consul = await ConsulTestAgent.StartAsync(time);
        consul.RegisterService("web", "web-1", 8081);
        await using var host = await ConsulTestHost.StartAsync(time, ConsulTestHost.Config(consul.Address));
        var held = consul.WaitForRequestAsync(r => r.QueryValue("index") is not (null or "0"));
        await host.ResolveIdsAsync("web");
        await Wait.For(held);

        consul.Faults.BackwardsIndex(times: 1);
        var reset = consul.WaitForRequestAsync(r => r.Path == "/v1/health/service/web" && r.QueryValue("index") is null);
        consul.RegisterService("web", "web-2", 8082);
        await Wait.Advancing(time, reset, TimeSpan.FromSeconds(1));
        var blockingAgain = consul.WaitForRequestAsync(r => r.QueryValue("index") == consul.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Wait.Advancing(time, blockingAgain, TimeSpan.FromSeconds(1));

        host.LogMessages.Should().Contain(m => m.Contains("went backwards", StringComparison.Ordinal));
        await host.WaitForIdsAsync("web", "web-1", "web-2");
    }

    [Fact]
    public async Task Watch_IndexZero_TreatedAsOne()
    {
        var time = new FakeTimeProvider();
        await using var consul = await ConsulTestAgent.StartAsync(time);
        consul.RegisterService("web", "web-1", 8081);
        consul.Faults.ZeroIndex(times: 1);
        await using var host = await ConsulTestHost.StartAsync(time, ConsulTestHost.Config(consul.Address));
        var next = consul.WaitForRequestAsync(r => r.QueryValue("index") is not null);

        await host.ResolveIdsAsync("web");
        var request = await Wait.For(next);

        request.QueryValue("index").Should().Be("1");
    }

    [Fact]
    public async Task Watch_OnlyPassingFalse_WarningKeptWithWarningWeightCriticalDropped()
    {
        var time = new FakeTimeProvider();
        await using var consul = await ConsulTestAgent.StartAsync(time);
        consul.RegisterService("web", "web-ok", 8081, passingWeight: 10, warningWeight: 2);
        consul.RegisterService("web", "web-warn", 8082, checkStatus: "warning", passingWeight: 10, warningWeight: 2);
        consul.RegisterService("web", "web-down", 8083, checkStatus: "critical");
        var config = ConsulTestHost.Config(consul.Address);
        config["Mesh:Consul:OnlyPassing"] = "false";
        await using var host = await ConsulTestHost.StartAsync(time, config);

        var result = await host.Provider.ResolveAsync("web", CancellationToken.None);

        result.Instances.Select(i => (i.InstanceId, i.Weight)).Should().BeEquivalentTo([("web-ok", 10), ("web-warn", 2)]);
        consul.Requests.Should().OnlyContain(r => r.QueryValue("passing") == null);
    }

    [Fact]
    public async Task Watch_OnlyPassingDefault_WarningInstanceExcludedByAgent()
    {
        var time = new FakeTimeProvider();
        await using var consul = await ConsulTestAgent.StartAsync(time);
        consul.RegisterService("web", "web-ok", 8081);
        consul.RegisterService("web", "web-warn", 8082, checkStatus: "warning");
        await using var host = await ConsulTestHost.StartAsync(time, ConsulTestHost.Config(consul.Address));

        (await host.ResolveIdsAsync("web")).Should().Equal("web-ok");
    }

    [Fact]
    public async Task Resolve_ServiceWithoutAddress_UsesNodeAddress()
    {
        var time = new FakeTimeProvider();
        await using var consul = await ConsulTestAgent.StartAsync(time);
        consul.NodeAddress = "127.0.0.9";
        consul.RegisterService("web", "web-1", 8081, address: "", meta: new Dictionary<string, string> { ["zone"] = "z1" });
        await using var host = await ConsulTestHost.StartAsync(time, ConsulTestHost.Config(consul.Address));

        var instance = (await host.Provider.ResolveAsync("web", CancellationToken.None)).Instances.Should().ContainSingle().Subject;

        instance.BaseAddress.Should().Be("http://127.0.0.9:8081");
        instance.Zone.Should().Be("z1");
    }

    [Fact]
    public async Task Resolve_UnknownService_NotFound()
    {
        var time = new FakeTimeProvider();
        await using var consul = await ConsulTestAgent.StartAsync(time);
        await using var host = await ConsulTestHost.StartAsync(time, ConsulTestHost.Config(consul.Address));

        (await host.Provider.ResolveAsync("nope", CancellationToken.None)).Found.Should().BeFalse();
    }
}
