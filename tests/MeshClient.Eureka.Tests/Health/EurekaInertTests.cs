using MeshClient.Testing.Eureka;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Eureka.Tests.Health;

/// <summary>A referenced but unselected Eureka package polls nothing and never fails readiness.</summary>
public class EurekaInertTests
{
    [Fact]
    public async Task Start_EurekaNotTheActiveProvider_NoFetchAndReadinessHealthy()
    {
        var time = new FakeTimeProvider();
        await using var eureka = await EurekaTestServer.StartAsync(time);
        var config = EurekaTestHost.Config(eureka.BaseUrl.AbsoluteUri);
        config["Mesh:Discovery:Provider"] = "Static";
        await using var host = await EurekaTestHost.StartAsync(time, config);

        time.Advance(TimeSpan.FromMinutes(5));
        var report = await host.CheckHealthAsync();

        host.Poller.IsActive.Should().BeFalse();
        host.Poller.FullFetches.Should().Be(0);
        eureka.Requests.Should().BeEmpty("nothing polls a registry that is not in use");
        report.Entries["eureka"].Status.Should().Be(HealthStatus.Healthy);
    }
}
