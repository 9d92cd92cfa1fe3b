using System.Net;
using MeshClient.Testing.Eureka;
using Microsoft.Extensions.DependencyInjection;

namespace MeshClient.IntegrationTests.Lifecycle;

/// <summary>
/// An app registered with the in-process Eureka server, through its whole life: UP, DOWN while not ready (the readiness
/// mirror), OUT_OF_SERVICE while it drains (serving every request it accepts), deregistered once stopped.
/// </summary>
public sealed class EurekaDrainLifecycleTests
{
    private const string App = "RATINGS";
    private const string Id = DrainingApp.Id;
    private const int RequestsDuringDrain = 50;

    [Fact]
    public async Task StopAsync_RegisteredInstanceUnderLoad_GoesDownThenOutOfServiceThenDeregistersWithoutFailedRequests()
    {
        await using var eureka = await EurekaTestServer.StartAsync();
        var configuration = new Dictionary<string, string?>
        {
            ["Mesh:Discovery:Provider"] = "Eureka",
            ["Mesh:Eureka:ServiceUrls:0"] = eureka.BaseUrl.AbsoluteUri,
            ["Mesh:Probes:MirrorInterval"] = "00:00:00.050",
            ["Mesh:Probes:MirrorDebounce"] = "00:00:00",
        };

        // Start not ready (the mirror pushes Down at its first evaluation), then ready: the mirror re-registers UP.
        await using var app = await DrainingApp.StartAsync(configuration, static m => m.AddEureka(), ready: false);
        await SetReadyAsync(eureka, app, true);
        eureka.GetInstance(App, Id)!.Status.Should().Be("UP");

        // Readiness fails: the mirror re-registers DOWN; ready again: UP.
        await SetReadyAsync(eureka, app, false);
        eureka.GetInstance(App, Id)!.Status.Should().Be("DOWN");
        await SetReadyAsync(eureka, app, true);
        eureka.GetInstance(App, Id)!.Status.Should().Be("UP");

        // Drain: a request in flight holds the host; a stream of requests keeps being served.
        var slow = await app.StartSlowRequestAsync();
        var outOfService = eureka.WaitForRequestAsync(r => r.Method == "PUT" && r.Path == $"apps/{App}/{Id}/status" && r.Query.Contains("value=OUT_OF_SERVICE", StringComparison.Ordinal));
        var stopping = app.App.StopAsync();
        await outOfService.WaitAsync(DrainingApp.Bound);
        eureka.GetInstance(App, Id)!.Should().Match<EurekaTestInstance>(i => i.Status == "OUT_OF_SERVICE" && i.OverriddenStatus == "OUT_OF_SERVICE");
        (await app.GetReadyAsync()).Should().Be(HttpStatusCode.ServiceUnavailable);

        (await app.SendAsync(RequestsDuringDrain)).Should().Be((RequestsDuringDrain, 0), "every request accepted while draining is served");
        stopping.IsCompleted.Should().BeFalse("a request is still in flight");

        // The last request ends: the host stops, and the lifecycle deregisters.
        app.ReleaseSlowRequest();
        using (var slowResponse = await slow.WaitAsync(DrainingApp.Bound))
        {
            slowResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await stopping.WaitAsync(DrainingApp.Bound);
        eureka.GetInstance(App, Id).Should().BeNull();
        eureka.Requests.Should().Contain(r => r.Method == "DELETE" && r.Path == $"apps/{App}/{Id}");
    }

    /// <summary>Changes readiness and waits (bounded) until the mirror has re-registered the matching status.</summary>
    private static async Task SetReadyAsync(EurekaTestServer eureka, DrainingApp app, bool ready)
    {
        var status = ready ? "\"UP\"" : "\"DOWN\"";
        var pushed = eureka.WaitForRequestAsync(r => r.Method == "POST" && r.Body.Contains(status, StringComparison.Ordinal));
        app.Ready = ready;
        await pushed.WaitAsync(DrainingApp.Bound);
    }
}
