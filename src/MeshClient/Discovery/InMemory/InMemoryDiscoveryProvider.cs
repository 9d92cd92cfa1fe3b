using Microsoft.Extensions.Primitives;

namespace MeshClient.Discovery.InMemory;

/// <summary>Serves instances from the embedded <see cref="InMemoryServiceRegistry"/>, with change signals.</summary>
internal sealed class InMemoryDiscoveryProvider(InMemoryServiceRegistry registry) : IServiceDiscoveryProvider
{
    public string Name => DiscoveryConstants.InMemoryProvider;

    public bool IsRegistry => true;

    public ValueTask<DiscoveryResult> ResolveAsync(string serviceName, CancellationToken cancellationToken)
    {
        var instances = registry.GetInstances(serviceName);
        return ValueTask.FromResult(instances.Count == 0 ? DiscoveryResult.NotFound : DiscoveryResult.FromInstances(instances));
    }

    public IChangeToken? Watch(string serviceName) => registry.Watch(serviceName);
}
