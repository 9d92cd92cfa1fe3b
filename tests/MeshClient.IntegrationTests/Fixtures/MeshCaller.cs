using MeshClient.Discovery;
using MeshClient.Discovery.InMemory;
using MeshClient.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MeshClient.IntegrationTests.Fixtures;

/// <summary>
/// A started host that calls services through the mesh: <c>AddMeshClient</c> bound to <c>Mesh</c> and one
/// <c>AddHttpClient(...).AddMeshHandler()</c> client over a <see cref="SocketsHttpHandler"/> with a bounded pool.
/// </summary>
internal sealed class MeshCaller : IAsyncDisposable
{
    public const string ClientName = "mesh";
    public const int MaxConnectionsPerServer = 32;

    private readonly IHost _host;

    private MeshCaller(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IServiceInstanceCache Cache => Services.GetRequiredService<IServiceInstanceCache>();

    public IMeshEventStream Events => Services.GetRequiredService<IMeshEventStream>();

    /// <summary>Starts a caller configured by <paramref name="settings"/> (<c>Mesh:...</c> keys).</summary>
    /// <param name="settings">The configuration.</param>
    /// <param name="registry">A registry to share with the test: the caller discovers from it (<c>Mesh:Discovery:Provider=InMemory</c>).</param>
    /// <returns>The started caller.</returns>
    public static async Task<MeshCaller> StartAsync(IDictionary<string, string?> settings, InMemoryServiceRegistry? registry = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "caller" });
        var all = new Dictionary<string, string?>(settings) { ["Mesh:Registration:Enabled"] = "false" };
        if (registry is not null)
        {
            builder.Services.AddSingleton(registry); // before AddMeshClient, whose TryAdd keeps it
            all["Mesh:Discovery:Provider"] = "InMemory";
        }

        builder.Configuration.AddInMemoryCollection(all);
        builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh"));
        builder.Services.AddHttpClient(ClientName)
            .AddMeshHandler()
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { MaxConnectionsPerServer = MaxConnectionsPerServer });
        var host = builder.Build();
        await host.StartAsync();
        return new MeshCaller(host);
    }

    public HttpClient CreateClient() => Services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);

    /// <summary>Sends <paramref name="count"/> requests one after another to <c>http://ratings/</c>; returns who answered each.</summary>
    public async Task<List<string>> SendSequentialAsync(int count, Action<HttpRequestMessage, int>? prepare = null)
    {
        var client = CreateClient();
        var answered = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{KestrelInstances.ServiceName}/ratings/{i}");
            prepare?.Invoke(request, i);
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            answered.Add(response.Headers.GetValues(KestrelInstance.InstanceHeader).Single());
        }

        return answered;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
