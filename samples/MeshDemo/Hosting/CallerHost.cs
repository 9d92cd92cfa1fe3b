using MeshClient;
using MeshDemo.Cluster;
using MeshDemo.Registries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MeshDemo.Hosting;

/// <summary>
/// A process that calls <c>ratings</c> through the mesh: <c>AddMeshClient</c> and <c>AddHttpClient("ratings").AddMeshHandler()</c>,
/// discovering from the shared registry with one balancer (MeshClient's default when none is named). One caller per run,
/// so every run starts from fresh state: no ejections, breakers or latency averages carried over.
/// </summary>
internal sealed class CallerHost : IAsyncDisposable
{
    public const string ClientName = RatingsCluster.ServiceName;

    private readonly IHost _host;

    private CallerHost(IHost host) => _host = host;

    /// <summary>Gets the caller's services: its mesh event stream and meter factory, for the observers of a run.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Starts a caller.</summary>
    /// <param name="registry">The registry to discover from.</param>
    /// <param name="balancer">The balancer of <c>ratings</c>, or <see langword="null"/> for MeshClient's default (nothing configured).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="addPackages">Adds more MeshClient packages to the caller (for example <c>AddAnomalyDetection</c>), or <see langword="null"/>.</param>
    /// <returns>The started caller.</returns>
    public static async Task<CallerHost> StartAsync(
        IDemoRegistry registry, string? balancer, CancellationToken cancellationToken, Action<IMeshClientBuilder>? addPackages = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "caller" });
        var settings = new Dictionary<string, string?>
        {
            // The caller only calls: it does not register itself.
            ["Mesh:Registration:Enabled"] = "false",
        };
        if (balancer is not null)
        {
            settings[$"Mesh:Services:{RatingsCluster.ServiceName}:LoadBalancer"] = balancer;
        }

        var mesh = builder.AddDemoMesh(registry, settings);
        addPackages?.Invoke(mesh);
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
