using MeshClient.Discovery;
using MeshClient.Eureka.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace MeshClient.Eureka.Discovery;

/// <summary>Answers from the poller's local copy of the registry (application names compared case-insensitively).</summary>
internal sealed class EurekaDiscoveryProvider(EurekaRegistryPoller poller, IOptionsMonitor<EurekaOptions> options) : IServiceDiscoveryProvider
{
    public string Name => EurekaConstants.ProviderName;

    public bool IsRegistry => true;

    public async ValueTask<DiscoveryResult> ResolveAsync(string serviceName, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (!o.ShouldFetchRegistry)
        {
            return DiscoveryResult.NotFound;
        }

        poller.EnsureStarted();
        if (poller.Registry is null)
        {
            await poller.FirstFetch.WaitAsync(cancellationToken);
        }

        var registry = poller.Registry
            ?? throw new EurekaRequestException(poller.LastError ?? "the Eureka registry has not been fetched yet.");
        return registry.Apps.TryGetValue(serviceName, out var instances)
            ? DiscoveryResult.FromInstances(EurekaInstanceMapper.MapAll(serviceName, instances, o))
            : DiscoveryResult.NotFound;
    }

    public IChangeToken? Watch(string serviceName) => poller.Watch(serviceName);
}
