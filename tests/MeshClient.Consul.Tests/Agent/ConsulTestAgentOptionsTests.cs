using System.Net;
using MeshClient.Testing.Consul;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Consul.Tests.Agent;

/// <summary>Starting the in-process agent on a given address with logging, as <c>tools/DevRegistry</c> does.</summary>
public class ConsulTestAgentOptionsTests
{
    [Fact]
    public async Task StartAsync_LoggerFactory_OneLinePerRegistrationOrCheckStateChange()
    {
        var time = new FakeTimeProvider();
        using var logs = new FakeLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        await using var consul = await ConsulTestAgent.StartAsync(new ConsulTestAgentOptions { TimeProvider = time, LoggerFactory = loggerFactory });
        using var http = new HttpClient();
        async Task PutAsync(string path, string body = "")
            => (await http.PutAsync(new Uri(consul.Address, path), new StringContent(body))).StatusCode.Should().Be(HttpStatusCode.OK, path);

        await PutAsync("/v1/agent/service/register", """{"Name":"web","ID":"web-1","Address":"127.0.0.1","Port":8081,"Check":{"TTL":"10s","DeregisterCriticalServiceAfter":"1m"}}""");
        await PutAsync("/v1/agent/check/pass/service:web-1?note=ok");
        await PutAsync("/v1/agent/check/pass/service:web-1?note=ok");
        await PutAsync("/v1/agent/service/maintenance/web-1?enable=true&reason=deploy");
        await PutAsync("/v1/agent/service/maintenance/web-1?enable=false");
        await PutAsync("/v1/agent/check/register", """{"Name":"disk","ID":"disk","TTL":"1m"}""");
        await PutAsync("/v1/agent/check/deregister/disk");
        time.Advance(TimeSpan.FromSeconds(11));
        time.Advance(TimeSpan.FromSeconds(60));
        consul.Services.Should().BeEmpty("the 30 s reaper runs on the given clock");

        logs.Collector.GetSnapshot().Select(static r => r.Message).Should().Equal(
            "Registered service web/web-1 at 127.0.0.1:8081 with 1 check(s).",
            "Check service:web-1 is passing (was critical): ok",
            "Maintenance of web-1 on: deploy",
            "Maintenance of web-1 off.",
            "Registered check disk (ttl), status critical.",
            "Deregistered check disk.",
            "Check service:web-1 is critical (was passing): TTL expired (last output before timeout follows): ok",
            "Reaping web-1: critical for longer than its DeregisterCriticalServiceAfter.",
            "Deregistered service web/web-1.");
    }

    [Fact]
    public async Task StartAsync_LocalhostUrl_ListensOnLoopbackAndServes()
    {
        await using var consul = await ConsulTestAgent.StartAsync(new ConsulTestAgentOptions { Url = new Uri("http://localhost:0") });
        using var http = new HttpClient();

        consul.Address.Host.Should().Be("127.0.0.1");
        consul.Address.Port.Should().BePositive();
        (await http.GetAsync(new Uri(consul.Address, "/v1/status/leader"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("https://127.0.0.1:0")]
    [InlineData("http://consul.example:8500")]
    public async Task StartAsync_UrlNotHttpWithIpOrLocalhost_ArgumentException(string url)
    {
        var start = () => ConsulTestAgent.StartAsync(new ConsulTestAgentOptions { Url = new Uri(url) });

        await start.Should().ThrowAsync<ArgumentException>().WithMessage("*http://127.0.0.1:8500*");
    }
}
