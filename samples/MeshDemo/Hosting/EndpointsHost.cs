using MeshClient.AspNetCore.Health;
using MeshClient.Prometheus;
using MeshDemo.Cluster;
using MeshDemo.Registries;
using MeshDemo.Reporting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshDemo.Hosting;

/// <summary>
/// The demo process's own operator endpoints, on <c>http://127.0.0.1:0</c> for as long as the demo runs: the probes
/// (<c>MapMeshHealth</c>), <c>/metrics</c> (<c>MapMeshMetrics</c>) and <c>/mesh/*</c> (<c>MapMeshEndpoints</c>) of a MeshClient
/// host that discovers <c>ratings</c> from the shared registry and requires it (<c>Mesh:Services:ratings:Required</c>), so
/// readiness fails between scenarios, when no instance runs. Its meters are its own: the callers of the runs are separate hosts.
/// </summary>
internal sealed class EndpointsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EndpointsHost(WebApplication app, DemoEndpoints endpoints)
    {
        _app = app;
        Endpoints = endpoints;
    }

    public DemoEndpoints Endpoints { get; }

    public static async Task<EndpointsHost> StartAsync(IDemoRegistry registry, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "mesh-demo", Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddDemoMesh(registry, new()
        {
            ["Mesh:Registration:Enabled"] = "false",
            [$"Mesh:Services:{RatingsCluster.ServiceName}:Required"] = "true",

            // Nothing to mirror: this host does not register itself.
            ["Mesh:Probes:MirrorReadiness"] = "false",
        }).AddHealthProbes().AddPrometheus();

        // Readiness legitimately fails between scenarios (no ratings instance runs): the probe answers 503, stderr stays quiet.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None);

        var app = builder.Build();
        app.MapMeshHealth();
        app.MapMeshMetrics();
        app.MapMeshEndpoints();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var root = app.Urls.First().TrimEnd('/');
        var probes = app.Services.GetRequiredService<IOptions<MeshProbeOptions>>().Value;
        return new EndpointsHost(app, new DemoEndpoints(
            root + probes.LivePath, root + probes.ReadyPath, root + probes.StartupPath, root + app.Services.GetRequiredService<IOptions<MeshPrometheusOptions>>().Value.Path, root + "/mesh"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
