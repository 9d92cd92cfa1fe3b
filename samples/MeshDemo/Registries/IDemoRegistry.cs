using MeshClient;
using Microsoft.Extensions.DependencyInjection;

namespace MeshDemo.Registries;

/// <summary>The registry every host of the demo shares (<c>--registry</c>): the embedded one, Eureka or Consul.</summary>
internal interface IDemoRegistry : IAsyncDisposable
{
    /// <summary>Gets the name given to <c>--registry</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Points a host (a service instance or a caller) at this registry. Call it before <c>AddMeshClient</c>, so that the
    /// services added here win over MeshClient's <c>TryAdd</c> defaults, and before the settings are added to configuration.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="settings">The host's configuration, <c>Mesh:...</c> keys.</param>
    void Configure(IServiceCollection services, IDictionary<string, string?> settings);

    /// <summary>Adds the registry's provider to MeshClient, for example <c>AddEureka()</c>. Called right after <c>AddMeshClient</c>.</summary>
    /// <param name="mesh">The builder <c>AddMeshClient</c> returned.</param>
    void AddProvider(IMeshClientBuilder mesh);

    /// <summary>Waits until <paramref name="count"/> instances of a service are registered and up.</summary>
    /// <param name="serviceName">The service.</param>
    /// <param name="count">How many instances.</param>
    /// <param name="timeout">How long to wait before a <see cref="TimeoutException"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when they are.</returns>
    Task WaitForInstancesAsync(string serviceName, int count, TimeSpan timeout, CancellationToken cancellationToken);
}
