using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MeshClient;

/// <summary>Returned by <c>AddMeshClient</c>; packages hang their own <c>Add...</c> methods on it (Eureka, Consul, ...).</summary>
public interface IMeshClientBuilder
{
    /// <summary>Gets the service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>Gets the configuration section MeshClient is bound to (<c>Mesh</c>), so that packages bind their own child sections; <see langword="null"/> when configured in code.</summary>
    IConfigurationSection? Configuration => null;
}
