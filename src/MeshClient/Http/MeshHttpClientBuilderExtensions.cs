using MeshClient.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the mesh handler to clients made by <see cref="System.Net.Http.IHttpClientFactory"/>.</summary>
public static class MeshHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds the mesh handler: requests to <c>http://{service}/...</c> go to an instance of that service picked by its balancer.
    /// Registers MeshClient's core services with default options if <c>AddMeshClient</c> was not called.
    /// </summary>
    /// <remarks>
    /// IP addresses pass through unchanged. So do <c>localhost</c> and host names with a dot (<c>api.example.com</c>)
    /// unless configured under <c>Mesh:Services</c>: they are never looked up in a registry, so external calls keep
    /// working while the registry is down. Any other host is looked up, and passes through when no provider knows it.
    /// </remarks>
    /// <param name="builder">The client builder.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddMeshHandler(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMeshClientCore();
        builder.AddHttpMessageHandler(static services => ActivatorUtilities.CreateInstance<MeshHttpHandler>(services));
        return builder;
    }
}
