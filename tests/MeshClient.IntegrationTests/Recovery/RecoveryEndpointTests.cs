using System.Net;
using System.Text.Json;
using MeshClient.IntegrationTests.Fixtures;
using MeshClient.IntegrationTests.Resilience;
using MeshClient.Recovery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.IntegrationTests.Recovery;

/// <summary>
/// End to end over loopback: a failing instance is ejected by outlier detection, a recovery policy acts on the ejection,
/// and the decision shows in <c>GET /mesh/recovery</c>, served by the ASP.NET Core package that does not know Recovery.
/// </summary>
public sealed class RecoveryEndpointTests
{
    [Fact]
    public async Task GetMeshRecovery_PolicyActedOnAnEjection_JournalNewestFirstInCamelCase()
    {
        var time = new FakeTimeProvider();
        await using var bad = await FaultyInstance.StartAsync("ratings-1");
        await using var good = await FaultyInstance.StartAsync("ratings-2");
        bad.Behavior = Behavior.Unavailable;
        await using var app = await StartCallerAsync(time, bad, good);
        using var events = app.Services.GetRequiredService<MeshClient.Events.IMeshEventStream>().Subscribe();
        var client = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient("mesh");

        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync(new Uri($"http://ratings/x/{i}"));
            response.StatusCode.Should().Be(HttpStatusCode.OK, "each 503 is retried on the other instance");
        }

        var executed = await events.WaitForAsync<RecoveryActionExecutedEvent>(e => e.Action == "migrate");
        executed.Target.InstanceId.Should().Be("ratings-1");

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("/mesh/recovery", UriKind.Relative)));
        var root = document.RootElement;
        root.GetProperty("enabled").GetBoolean().Should().BeTrue();
        var journal = root.GetProperty("journal").EnumerateArray().ToList();
        journal.Select(e => e.GetProperty("event").GetString()).Should().StartWith(["ejected", "matched", "detected"], "newest first");
        journal[0].GetProperty("target").GetString().Should().Be("ratings/ratings-1");
        journal[0].GetProperty("action").GetString().Should().Be("migrate");
        journal[0].GetProperty("policy").GetString().Should().Be("bad-peer");
    }

    private static async Task<WebApplication> StartCallerAsync(FakeTimeProvider time, params FaultyInstance[] instances)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "caller", Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var settings = new Dictionary<string, string?>
        {
            ["Mesh:Registration:Enabled"] = "false",
            ["Mesh:Services:ratings:LoadBalancer"] = "RoundRobin",
            ["Mesh:Resilience:Retry:BaseDelay"] = "00:00:00",
            ["Mesh:Resilience:Retry:MaxDelay"] = "00:00:00",
            ["Mesh:Resilience:Retry:Budget:RetryRatio"] = "1",
            ["Mesh:Health:OutlierDetection:Consecutive5xx"] = "3",
            ["Mesh:Recovery:Policies:bad-peer:On:0"] = "health.instance-ejected",
            ["Mesh:Recovery:Policies:bad-peer:Service"] = "ratings",
            ["Mesh:Recovery:Policies:bad-peer:Actions:0"] = "migrate",
        };
        for (var i = 0; i < instances.Length; i++)
        {
            settings[$"Mesh:Services:ratings:Instances:{i}:Url"] = instances[i].Url;
            settings[$"Mesh:Services:ratings:Instances:{i}:InstanceId"] = instances[i].Id;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh")).AddAspNetCore().AddRecovery();
        builder.Services.AddHttpClient("mesh").AddMeshHandler();
        var app = builder.Build();
        app.MapMeshEndpoints();
        await app.StartAsync();
        return app;
    }
}
