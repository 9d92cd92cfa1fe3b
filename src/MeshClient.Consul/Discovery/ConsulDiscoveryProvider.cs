using MeshClient.Consul.Http;
using MeshClient.Discovery;
using Microsoft.Extensions.Primitives;

namespace MeshClient.Consul.Discovery;

/// <summary>
/// Answers from the watch loop of each service (started on the first call, waiting for its first answer); its change token
/// fires as soon as a blocking query returns changed instances, so there is no fixed-interval polling.
/// </summary>
internal sealed class ConsulDiscoveryProvider(ConsulWatchers watchers) : IServiceDiscoveryProvider
{
    public string Name => ConsulConstants.ProviderName;

    public bool IsRegistry => true;

    public async ValueTask<DiscoveryResult> ResolveAsync(string serviceName, CancellationToken cancellationToken)
    {
        var watcher = watchers.GetOrStart(serviceName);
        if (watcher.Result is null)
        {
            await watcher.FirstAnswer.WaitAsync(cancellationToken);
        }

        var result = watcher.Result
            ?? throw new ConsulRequestException(watcher.LastError ?? $"Consul has not answered for {serviceName} yet.");
        return result.ToDiscoveryResult();
    }

    public IChangeToken? Watch(string serviceName) => watchers.GetOrStart(serviceName).Watch();
}
