using MeshClient.Testing.Consul;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Consul.Tests.Health;

/// <summary>A referenced but unselected Consul package probes no agent and never fails readiness.</summary>
public class ConsulInertTests
{
    [Fact]
    public async Task CheckHealth_ConsulNotTheActiveProvider_HealthyWithoutCallingTheAgent()
    {
        var time = new FakeTimeProvider();
        await using var agent = await ConsulTestAgent.StartAsync(time);
        var config = ConsulTestHost.Config(agent.Address);
        config["Mesh:Discovery:Provider"] = "Static";
        await using var host = await ConsulTestHost.StartAsync(time, config);

        var report = await host.CheckHealthAsync();

        report.Entries["consul"].Status.Should().Be(HealthStatus.Healthy);
        agent.Requests.Should().BeEmpty("nothing probes an agent that is not in use");
    }
}
