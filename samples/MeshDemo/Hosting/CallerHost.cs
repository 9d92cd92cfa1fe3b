using MeshDemo.Cluster;
using MeshDemo.Registries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MeshDemo.Hosting;

/// <summary>
/// A process that calls <c>ratings</c> through the mesh: <c>AddMeshClient</c> and <c>AddHttpClient("ratings").AddMeshHandler()</c>,
/// discovering from the shared registry with one balancer. One caller per run, so every balancer starts from fresh state.
/// </summary>
internal sealed class CallerHost : IAsyncDisposable
{
    public const string ClientName = RatingsCluster.ServiceName;

    private readonly IHost _host;

    private CallerHost(IHost host) => _host = host;

    public static async Task<CallerHost> StartAsync(IDemoRegistry registry, string balancer, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "caller" });
        builder.AddDemoMesh(registry, new()
        {
            // The caller only calls: it does not register itself.
            ["Mesh:Registration:Enabled"] = "false",
            [$"Mesh:Services:{RatingsCluster.ServiceName}:LoadBalancer"] = balancer,
        });
        builder.Services.AddHttpClient(ClientName).AddMeshHandler();

        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new CallerHost(host);
    }

    /// <summary>Returns the mesh client: requests to <c>http://ratings/...</c> go to an instance picked by the balancer.</summary>
    public HttpClient CreateClient() => _host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
