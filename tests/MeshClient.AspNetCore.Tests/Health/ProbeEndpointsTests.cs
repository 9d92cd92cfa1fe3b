using System.Net;
using System.Text.RegularExpressions;
using MeshClient.Discovery;
using MeshClient.Discovery.InMemory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MeshClient.AspNetCore.Tests.Health;

/// <summary>The three probes over TestServer: each follows its own checks only.</summary>
public sealed partial class ProbeEndpointsTests
{
    private static Dictionary<string, string?> Config(bool requireRatings = false)
    {
        var config = new Dictionary<string, string?>
        {
            ["Mesh:Discovery:Provider"] = "InMemory",
            ["Mesh:Registration:Enabled"] = "false",
        };
        if (requireRatings)
        {
            config["Mesh:Services:ratings:Required"] = "true";
        }

        return config;
    }

    [Fact]
    public async Task MapMeshHealth_AllChecksHealthy_EachProbeReturns200()
    {
        await using var app = await StartAsync(Config());
        var client = app.GetTestClient();

        foreach (var path in new[] { "/health/live", "/health/ready", "/health/startup" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        }
    }

    [Fact]
    public async Task Live_LiveCheckUnhealthy_Returns503AndOtherProbesStay200()
    {
        await using var app = await StartAsync(Config(), s => s.AddHealthChecks()
            .AddCheck("deadlock", () => HealthCheckResult.Unhealthy("worker stuck"), tags: ["live"]));
        var client = app.GetTestClient();

        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/health/startup", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_ReadyCheckUnhealthy_Returns503()
    {
        await using var app = await StartAsync(Config(), s => s.AddHealthChecks()
            .AddCheck("db", () => HealthCheckResult.Unhealthy("no connection"), tags: ["ready"]));

        var response = await app.GetTestClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Ready_DegradedCheck_Returns200()
    {
        await using var app = await StartAsync(Config(), s => s.AddHealthChecks()
            .AddCheck("registry", () => HealthCheckResult.Degraded("serving last good"), tags: ["ready"]));

        var response = await app.GetTestClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Live_RequiredServiceHasNoInstance_StaysHealthy()
    {
        await using var app = await StartAsync(Config(requireRatings: true));
        var client = app.GetTestClient();

        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_RequiredServiceGainsThenLosesItsOnlyInstance_RecoversThenFailsAgain()
    {
        await using var app = await StartAsync(Config(requireRatings: true));
        var client = app.GetTestClient();
        var registry = app.Services.GetRequiredService<InMemoryServiceRegistry>();
        var cache = app.Services.GetRequiredService<IServiceInstanceCache>();
        var ready = new Uri("/health/ready", UriKind.Relative);

        (await client.GetAsync(ready)).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);

        registry.Register(new ServiceInstance("ratings", "ratings-1", "http", "127.0.0.1", 9080));
        await cache.RefreshAsync("ratings", CancellationToken.None);
        (await client.GetAsync(ready)).StatusCode.Should().Be(HttpStatusCode.OK);

        registry.SetStatus("ratings", "ratings-1", InstanceStatus.Down);
        await cache.RefreshAsync("ratings", CancellationToken.None);
        var body = await (await client.GetAsync(ready)).Content.ReadAsStringAsync();
        (await client.GetAsync(ready)).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        body.Should().Contain("No eligible instance of required service(s): ratings.");
    }

    [Fact]
    public async Task Ready_Body_IsStableAndRedacted()
    {
        await using var app = await StartAsync(Config(), s => s.AddHealthChecks().AddCheck(
            "eureka",
            () => HealthCheckResult.Degraded(
                "Fetch from http://admin:s3cret@127.0.0.1:8761/eureka failed; password=hunter2",
                data: new Dictionary<string, object> { ["aclToken"] = "t0ken-value", ["serviceUrl"] = "http://admin:s3cret@127.0.0.1:8761/eureka" }),
            tags: ["ready"]));

        var body = await app.GetTestClient().GetStringAsync(new Uri("/health/ready", UriKind.Relative));

        Normalize(body).Should().Be(
            """
            {
              "status": "Degraded",
              "totalDurationMs": 0,
              "checks": [
                {
                  "name": "eureka",
                  "status": "Degraded",
                  "durationMs": 0,
                  "description": "Fetch from http://***@127.0.0.1:8761/eureka failed; password=***"
                },
                {
                  "name": "mesh-registration",
                  "status": "Healthy",
                  "durationMs": 0,
                  "description": "Self-registration is off or has not started."
                },
                {
                  "name": "mesh-required-services",
                  "status": "Healthy",
                  "durationMs": 0,
                  "description": "No required services."
                }
              ]
            }
            """);
        body.Should().NotContain("s3cret").And.NotContain("hunter2").And.NotContain("t0ken");
    }

    [Fact]
    public async Task Ready_Verbose_AddsRedactedData()
    {
        await using var app = await StartAsync(Config(), s => s.AddHealthChecks().AddCheck(
            "consul",
            () => HealthCheckResult.Healthy("ok", new Dictionary<string, object> { ["aclToken"] = "t0ken-value", ["agent"] = "http://u:p4ss@127.0.0.1:8500" }),
            tags: ["ready"]));

        var body = await app.GetTestClient().GetStringAsync(new Uri("/health/ready?verbose", UriKind.Relative));

        body.Should().Contain("\"aclToken\": \"***\"").And.Contain("\"agent\": \"http://***@127.0.0.1:8500\"");
        body.Should().NotContain("t0ken").And.NotContain("p4ss");
    }

    [Fact]
    public async Task Ready_VerboseNotAllowed_LeavesDataOut()
    {
        var config = Config();
        config["Mesh:Probes:AllowVerbose"] = "false";
        await using var app = await StartAsync(config, s => s.AddHealthChecks().AddCheck(
            "consul", () => HealthCheckResult.Healthy("ok", new Dictionary<string, object> { ["agent"] = "127.0.0.1:8500" }), tags: ["ready"]));

        var body = await app.GetTestClient().GetStringAsync(new Uri("/health/ready?verbose", UriKind.Relative));

        body.Should().NotContain("\"data\"").And.NotContain("8500");
    }

    [Fact]
    public async Task MapMeshHealth_ConfiguredPaths_AreServed()
    {
        var config = Config();
        config["Mesh:Probes:LivePath"] = "/healthz";
        config["Mesh:Probes:ReadyPath"] = "/readyz";
        await using var app = await StartAsync(config);
        var client = app.GetTestClient();

        (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AddHealthProbes_SamePathTwice_FailsNamingTheKeys()
    {
        var config = Config();
        config["Mesh:Probes:ReadyPath"] = "/health/live";

        var act = () => StartAsync(config);

        (await act.Should().ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>())
            .WithMessage("*Mesh:Probes:LivePath, ReadyPath and StartupPath must differ*");
    }

    [Fact]
    public void MapMeshHealth_ProbesNotAdded_Throws()
    {
        var app = MeshTestApp.Build(Config());

        var act = () => app.MapMeshHealth();

        act.Should().Throw<InvalidOperationException>().WithMessage("*AddHealthProbes()*");
    }

    internal static async Task<WebApplication> StartAsync(Dictionary<string, string?> config, Action<IServiceCollection>? services = null)
    {
        var app = MeshTestApp.Build(config, services, mesh => mesh.AddHealthProbes());
        app.MapMeshHealth();
        await app.StartAsync();
        return app;
    }

    private static string Normalize(string body) => Duration().Replace(body, "$1: 0");

    [GeneratedRegex("(\"(?:total)?[dD]urationMs\"): [0-9.eE+-]+")]
    private static partial Regex Duration();
}
