using System.Diagnostics;
using MeshClient.Discovery;
using MeshClient.Discovery.InMemory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeshClient.Prometheus.Tests;

/// <summary>End to end over real Kestrel on 127.0.0.1:0: traffic through the mesh handler, a scrape, <c>promtool check metrics</c>.</summary>
public sealed class PromtoolScrapeTests
{
    [Fact]
    public async Task MapMeshMetrics_AfterTraffic_ExportsMeshAndAspNetCoreMetrics()
    {
        await using var app = await StartWithTrafficAsync(new Dictionary<string, string?>());

        var text = await ScrapeAsync(app);

        text.Should().Contain("# TYPE mesh_client_requests_total counter")
            .And.Contain("mesh_client_requests_total{mesh_service=\"ratings\",mesh_instance=\"ratings-1\",mesh_outcome=\"success\"} 3")
            .And.Contain("mesh_client_requests_total{mesh_service=\"ratings\",mesh_instance=\"ratings-1\",mesh_outcome=\"http_error\"} 1")
            .And.Contain("# TYPE mesh_client_request_duration_seconds histogram")
            .And.Contain("# TYPE mesh_client_instances gauge")
            .And.Contain("# TYPE http_server_request_duration_seconds histogram");
        text.Should().NotContain("process_").And.NotContain("dotnet_").And.NotContain("prometheus_net_");
    }

    [Fact]
    public async Task MapMeshMetrics_InstanceLimitZero_ExportsOtherInsteadOfTheId()
    {
        await using var app = await StartWithTrafficAsync(new Dictionary<string, string?> { ["Mesh:Prometheus:MaxInstanceIds"] = "0" });

        var text = await ScrapeAsync(app);

        text.Should().Contain("mesh_instance=\"other\"").And.NotContain("ratings-1");
    }

    [SkippableFact]
    public async Task MapMeshMetrics_Scrape_PassesPromtoolCheckMetrics()
    {
        var promtool = FindPromtool();
        if (promtool is null)
        {
            if (Environment.GetEnvironmentVariable("MESH_REQUIRE_EXTERNAL_TOOLS") == "1")
            {
                throw new InvalidOperationException("promtool is required (MESH_REQUIRE_EXTERNAL_TOOLS=1) but is not on PATH: apt-get install prometheus.");
            }

            Skip.If(true, "promtool is not on PATH (apt-get install prometheus); set MESH_REQUIRE_EXTERNAL_TOOLS=1 to fail instead.");
        }

        await using var app = await StartWithTrafficAsync(new Dictionary<string, string?>());
        var text = await ScrapeAsync(app);

        var (exitCode, output) = await RunAsync(promtool!, "check metrics", text);

        output.Should().BeEmpty("promtool reports every lint problem; the scrape was:\n" + text);
        exitCode.Should().Be(0);
    }

    private static async Task<WebApplication> StartWithTrafficAsync(Dictionary<string, string?> config)
    {
        config["Mesh:Discovery:Provider"] = "InMemory";
        config["Mesh:Registration:Enabled"] = "false";
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "prometheus-tests", EnvironmentName = "Testing" });
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.ClearProviders();
        builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh")).AddPrometheus();
        builder.Services.AddHttpClient("ratings").AddMeshHandler();
        var app = builder.Build();
        app.MapGet("/ok", () => "ok");
        app.MapGet("/fail", () => Results.StatusCode(500));
        app.MapMeshMetrics();
        await app.StartAsync();

        var port = new Uri(app.Urls.Single()).Port;
        app.Services.GetRequiredService<InMemoryServiceRegistry>().Register(new ServiceInstance("ratings", "ratings-1", "http", "127.0.0.1", port));
        var client = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient("ratings");
        for (var i = 0; i < 3; i++)
        {
            (await client.GetStringAsync(new Uri("http://ratings/ok"))).Should().Be("ok");
        }

        using var failed = await client.GetAsync(new Uri("http://ratings/fail"));
        return app;
    }

    private static async Task<string> ScrapeAsync(WebApplication app)
    {
        using var http = new HttpClient();
        return await http.GetStringAsync(new Uri(new Uri(app.Urls.Single()), "/metrics"));
    }

    private static string? FindPromtool()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "promtool");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, string stdin)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}
