using System.Text.Json;
using MeshClient.Testing.Eureka;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Eureka.Tests.Integration;

/// <summary>What the Eureka client discovered is what <c>/mesh/services/{name}</c> shows (foundation endpoints, real loopback HTTP).</summary>
public class EurekaMeshEndpointsTests
{
    [Fact]
    public async Task GetService_EurekaProvider_ShowsDiscoveredInstancesWithEffectiveStatus()
    {
        var time = new FakeTimeProvider();
        await using var eureka = await EurekaTestServer.StartAsync(time);
        eureka.Register(EurekaTestInstance.Create("RATINGS", "ratings-1", 8081) with { Metadata = new Dictionary<string, string> { ["zone"] = "z1" } });
        eureka.Register(EurekaTestInstance.Create("RATINGS", "ratings-2", 8082));
        eureka.SetStatusOverride("RATINGS", "ratings-2", "OUT_OF_SERVICE");

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(EurekaTestHost.Config(eureka.BaseUrl.AbsoluteUri));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh")).AddEureka().AddAspNetCore();
        await using var app = builder.Build();
        app.MapMeshEndpoints();
        await app.StartAsync();

        using var http = new HttpClient();
        var body = await Wait.For(http.GetStringAsync(new Uri(new Uri(app.Urls.First()), "/mesh/services/ratings")));

        using var json = JsonDocument.Parse(body);
        var instances = json.RootElement.GetProperty("instances").EnumerateArray()
            .ToDictionary(i => i.GetProperty("instanceId").GetString()!, i => i);
        instances.Keys.Should().BeEquivalentTo("ratings-1", "ratings-2");
        instances["ratings-1"].GetProperty("host").GetString().Should().Be("127.0.0.1");
        instances["ratings-1"].GetProperty("port").GetInt32().Should().Be(8081);
        instances["ratings-1"].GetProperty("status").GetString().Should().Be("Up");
        instances["ratings-1"].GetProperty("zone").GetString().Should().Be("z1");
        instances["ratings-2"].GetProperty("status").GetString().Should().Be("OutOfService", "an OUT_OF_SERVICE override wins over the instance's own status");
        await app.StopAsync();
    }
}
