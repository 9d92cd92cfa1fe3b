using Microsoft.Extensions.Primitives;

namespace MeshClient.Discovery;

/// <summary>A source of service instances: static configuration, an embedded registry, Eureka, Consul.</summary>
/// <remarks>
/// Providers are registered in DI and chosen by name with <c>Mesh:Discovery:Provider</c>. The instance cache calls
/// <see cref="ResolveAsync"/> in the background only, never on a request, and keeps the last good answer when it throws.
/// </remarks>
public interface IServiceDiscoveryProvider
{
    /// <summary>Gets the provider name used in <c>Mesh:Discovery:Provider</c>, for example <c>Static</c>.</summary>
    string Name { get; }

    /// <summary>Gets a value indicating whether this provider is a registry that services register themselves with.</summary>
    bool IsRegistry { get; }

    /// <summary>Returns the current instances of a service.</summary>
    /// <param name="serviceName">The logical service name (compared case-insensitively).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The instances, or <see cref="DiscoveryResult.NotFound"/> when the provider does not know the service.</returns>
    /// <exception cref="Exception">Any failure: the cache logs it, keeps the last good instances and retries with backoff.</exception>
    ValueTask<DiscoveryResult> ResolveAsync(string serviceName, CancellationToken cancellationToken);

    /// <summary>Returns a token that fires when the instances of a service may have changed.</summary>
    /// <param name="serviceName">The logical service name.</param>
    /// <returns>A change token, or <see langword="null"/> when the provider cannot signal changes (the cache then polls).</returns>
    IChangeToken? Watch(string serviceName);
}
