using System.Net;
using MeshClient.AspNetCore.Drain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MeshClient.AspNetCore.Tests.Drain;

/// <summary>The drain wired into a web app: the readiness probe and the in-flight counter.</summary>
public sealed class DrainEndpointTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static readonly Dictionary<string, string?> Configuration = new()
    {
        ["Mesh:Discovery:Provider"] = "Static",
        ["Mesh:Drain:Delay"] = "00:00:00",
        ["Mesh:Drain:Timeout"] = "00:00:05",
    };

    [Fact]
    public async Task ReadyProbe_ApplicationStopping_Answers503WithTheDrainCheck()
    {
        await using var app = MeshTestApp.Build(Configuration, mesh: m => m.AddHealthProbes().AddGracefulDrain());
        app.MapMeshHealth();
        await app.StartAsync();
        using var client = app.GetTestClient();
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Contain("mesh-drain").And.Contain("Draining");
    }

    [Fact]
    public async Task Middleware_RequestInFlight_IsCountedUntilItEnds()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = MeshTestApp.Build(Configuration, mesh: m => m.AddGracefulDrain());
        app.MapGet("/slow", async () =>
        {
            entered.TrySetResult();
            await release.Task;
            return Results.Ok();
        });
        await app.StartAsync();
        using var client = app.GetTestClient();
        var requests = app.Services.GetRequiredService<InFlightRequests>();

        var slow = client.GetAsync(new Uri("/slow", UriKind.Relative));
        await entered.Task.WaitAsync(Bound);
        requests.Count.Should().Be(1);
        release.TrySetResult();
        using var response = await slow.WaitAsync(Bound);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await requests.WhenIdleAsync().WaitAsync(Bound);
        requests.Count.Should().Be(0);
    }

    [Fact]
    public void AddGracefulDrain_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddMeshClient(_ => { }).AddGracefulDrain().AddGracefulDrain(o => o.Delay = TimeSpan.FromSeconds(1));

        services.Count(d => d.ServiceType == typeof(GracefulDrain)).Should().Be(1);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IOptions<MeshDrainOptions>>().Value.Delay.Should().Be(TimeSpan.FromSeconds(1));
    }
}
