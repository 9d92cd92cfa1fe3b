using System.Globalization;
using MeshClient;
using MeshClient.Testing.Eureka;
using Microsoft.Extensions.DependencyInjection;

namespace MeshDemo.Registries;

/// <summary>
/// The in-process Eureka server (<see cref="EurekaTestServer"/>, 127.0.0.1, ephemeral port) shared by every host: instances
/// self-register through <c>AddMeshClient(...).AddEureka()</c> and the caller discovers them from its fetched registry.
/// </summary>
internal sealed class EurekaDemoRegistry : IDemoRegistry
{
    public const string RegistryName = "eureka";

    /// <summary>How often hosts fetch the registry: short, so that changes show within the demo's minute (Eureka's default is 30 s).</summary>
    public static readonly TimeSpan RegistryFetchInterval = TimeSpan.FromSeconds(1);

    private readonly EurekaTestServer _server;

    private EurekaDemoRegistry(EurekaTestServer server) => _server = server;

    public string Name => RegistryName;

    public static async Task<EurekaDemoRegistry> StartAsync(CancellationToken cancellationToken)
        => new(await EurekaTestServer.StartAsync(TimeProvider.System, cancellationToken));

    public void Configure(IServiceCollection services, IDictionary<string, string?> settings)
    {
        settings["Mesh:Discovery:Provider"] = "Eureka";
        settings["Mesh:Eureka:ServiceUrls:0"] = _server.BaseUrl.AbsoluteUri;
        settings["Mesh:Eureka:RegistryFetchInterval"] = RegistryFetchInterval.ToString("c", CultureInfo.InvariantCulture);
    }

    public void AddProvider(IMeshClientBuilder mesh) => mesh.AddEureka();

    public async Task WaitForInstancesAsync(string serviceName, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        while (true)
        {
            // Wait for the next registry call first, then look: a registration between the two still ends the wait.
            var next = _server.WaitForRequestAsync(static r => r.Method is "POST" or "PUT" or "DELETE", linked.Token);
            var up = _server.Instances.Count(i => string.Equals(i.App, serviceName, StringComparison.OrdinalIgnoreCase) && i.Status == "UP");
            if (up >= count)
            {
                return;
            }

            try
            {
                await next;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Only {up} of {count} instances of '{serviceName}' registered with Eureka within {timeout.TotalSeconds:0.#} s.");
            }
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
