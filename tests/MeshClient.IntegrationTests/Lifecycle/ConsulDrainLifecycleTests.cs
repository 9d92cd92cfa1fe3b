using System.Net;
using MeshClient.Testing.Consul;
using Microsoft.Extensions.DependencyInjection;

namespace MeshClient.IntegrationTests.Lifecycle;

/// <summary>
/// An app registered with the in-process Consul agent in HTTP check mode (the agent polls <c>/health/ready</c>, run on
/// demand here): passing, critical while not ready, in maintenance while it drains (serving every request it accepts),
/// deregistered once stopped.
/// </summary>
public sealed class ConsulDrainLifecycleTests
{
    private const int RequestsDuringDrain = 50;

    [Fact]
    public async Task StopAsync_RegisteredInstanceUnderLoad_FailsCheckThenMaintenanceThenDeregistersWithoutFailedRequests()
    {
        await using var consul = await ConsulTestAgent.StartAsync();
        var configuration = new Dictionary<string, string?>
        {
            ["Mesh:Discovery:Provider"] = "Consul",
            ["Mesh:Consul:Address"] = consul.Address.AbsoluteUri,
            ["Mesh:Consul:Check:Mode"] = "Http",

            // In HTTP check mode the agent's check of /health/ready is the readiness mirror.
            ["Mesh:Probes:MirrorReadiness"] = "false",
        };

        // Start: registered, and the agent's check passes.
        await using var app = await DrainingApp.StartAsync(configuration, static m => m.AddConsul(), ready: true);
        (await CheckStatusAsync(consul)).Should().Be("passing");

        // Readiness fails: the check turns critical; ready again: passing.
        app.Ready = false;
        (await CheckStatusAsync(consul)).Should().Be("critical");
        app.Ready = true;
        (await CheckStatusAsync(consul)).Should().Be("passing");

        // Drain: a request in flight holds the host; a stream of requests keeps being served.
        var slow = await app.StartSlowRequestAsync();
        var maintenance = consul.WaitForRequestAsync(r => r.Path == "/v1/agent/service/maintenance/" + DrainingApp.Id && r.QueryValue("enable") == "true");
        var stopping = app.App.StopAsync();
        await maintenance.WaitAsync(DrainingApp.Bound);
        consul.Services.Single().Checks.Should().ContainSingle(c => c.Type == "maintenance").Which.Notes.Should().Contain("OutOfService");
        (await CheckStatusAsync(consul)).Should().Be("critical", "readiness fails while draining");

        (await app.SendAsync(RequestsDuringDrain)).Should().Be((RequestsDuringDrain, 0), "every request accepted while draining is served");
        stopping.IsCompleted.Should().BeFalse("a request is still in flight");

        // The last request ends: the host stops, and the lifecycle deregisters.
        app.ReleaseSlowRequest();
        using (var slowResponse = await slow.WaitAsync(DrainingApp.Bound))
        {
            slowResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await stopping.WaitAsync(DrainingApp.Bound);
        consul.Services.Should().BeEmpty();
    }

    /// <summary>Runs the agent's HTTP checks once and returns the service's HTTP check status.</summary>
    private static async Task<string> CheckStatusAsync(ConsulTestAgent consul)
    {
        await consul.RunHttpChecksAsync().WaitAsync(DrainingApp.Bound);
        return consul.Services.Single().Checks.Single(c => c.Type == "http").Status;
    }
}
