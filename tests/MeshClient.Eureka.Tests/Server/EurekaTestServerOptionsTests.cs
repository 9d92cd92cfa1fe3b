using System.Net;
using MeshClient.Testing.Eureka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Eureka.Tests.Server;

/// <summary>Starting the in-process registry on a given address with logging, as <c>tools/DevRegistry</c> does.</summary>
public class EurekaTestServerOptionsTests
{
    [Fact]
    public async Task StartAsync_LoggerFactory_OneLinePerRegistrationChangeNoneForRenewals()
    {
        var time = new FakeTimeProvider();
        using var logs = new FakeLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        await using var eureka = await EurekaTestServer.StartAsync(new EurekaTestServerOptions { TimeProvider = time, LoggerFactory = loggerFactory });
        using var http = new HttpClient();

        eureka.Register(EurekaTestInstance.Create("RATINGS", "r1", 8081));
        (await http.PutAsync(new Uri(eureka.BaseUrl, "apps/RATINGS/r1"), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        eureka.SetStatusOverride("RATINGS", "r1", "OUT_OF_SERVICE");
        (await http.DeleteAsync(new Uri(eureka.BaseUrl, "apps/RATINGS/r1/status?value=UP"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.PutAsync(new Uri(eureka.BaseUrl, "apps/RATINGS/r1/metadata?zone=z1"), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        eureka.Cancel("RATINGS", "r1").Should().BeTrue();
        eureka.Register(EurekaTestInstance.Create("RATINGS", "r2", 8082));
        time.Advance(TimeSpan.FromMinutes(3));
        eureka.Instances.Should().BeEmpty("the 60 s eviction timer runs on the given clock");

        logs.Collector.GetSnapshot().Select(static r => r.Message).Should().Equal(
            "Registered RATINGS/r1 at http://127.0.0.1:8081, status UP.",
            "Status of RATINGS/r1 overridden to OUT_OF_SERVICE.",
            "Status override of RATINGS/r1 removed, status UP.",
            "Metadata of RATINGS/r1 updated: zone.",
            "Cancelled RATINGS/r1.",
            "Registered RATINGS/r2 at http://127.0.0.1:8082, status UP.",
            "Evicted RATINGS/r2: its lease expired.");
    }

    [Fact]
    public async Task StartAsync_LocalhostUrl_ListensOnLoopbackAndServes()
    {
        await using var eureka = await EurekaTestServer.StartAsync(new EurekaTestServerOptions { Url = new Uri("http://localhost:0") });
        using var http = new HttpClient();

        eureka.Root.Host.Should().Be("127.0.0.1");
        eureka.Root.Port.Should().BePositive();
        (await http.GetAsync(new Uri(eureka.NetflixBaseUrl, "apps/"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("https://127.0.0.1:0")]
    [InlineData("http://eureka.example:8761")]
    public async Task StartAsync_UrlNotHttpWithIpOrLocalhost_ArgumentException(string url)
    {
        var start = () => EurekaTestServer.StartAsync(new EurekaTestServerOptions { Url = new Uri(url) });

        await start.Should().ThrowAsync<ArgumentException>().WithMessage("*http://127.0.0.1:8761*");
    }
}
