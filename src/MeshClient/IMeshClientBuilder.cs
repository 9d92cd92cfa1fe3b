using Microsoft.Extensions.DependencyInjection;

namespace MeshClient;

/// <summary>Returned by <c>AddMeshClient</c>; packages hang their own <c>Add...</c> methods on it (Eureka, Consul, ...).</summary>
public interface IMeshClientBuilder
{
    /// <summary>Gets the service collection.</summary>
    IServiceCollection Services { get; }
}
