using System.Collections.Frozen;
using MeshClient.Discovery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace MeshClient.Discovery.Static;

/// <summary>Serves the instances listed under <c>Mesh:Services:{name}:Instances</c>, reloaded when the configuration changes.</summary>
internal sealed class StaticDiscoveryProvider : IServiceDiscoveryProvider, IDisposable
{
    private readonly IOptionsMonitor<MeshOptions> _options;
    private readonly IDisposable? _subscription;
    private CancellationTokenSource _changed = new();

    public StaticDiscoveryProvider(IOptionsMonitor<MeshOptions> options)
    {
        _options = options;
        _subscription = options.OnChange((_, _) => SignalChange());
    }

    public string Name => DiscoveryConstants.StaticProvider;

    public bool IsRegistry => false;

    public ValueTask<DiscoveryResult> ResolveAsync(string serviceName, CancellationToken cancellationToken)
    {
        if (!_options.CurrentValue.Services.TryGetValue(serviceName, out var service) || service.Instances.Count == 0)
        {
            return ValueTask.FromResult(DiscoveryResult.NotFound);
        }

        var instances = new ServiceInstance[service.Instances.Count];
        for (var i = 0; i < instances.Length; i++)
        {
            instances[i] = ToInstance(serviceName, service.Instances[i]);
        }

        return ValueTask.FromResult(DiscoveryResult.FromInstances(instances));
    }

    public IChangeToken? Watch(string serviceName) => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    public void Dispose()
    {
        _subscription?.Dispose();
        _changed.Dispose();
    }

    /// <summary>Builds an instance from one configured entry; <c>Mesh:Services:{name}:Instances</c> is validated at startup.</summary>
    internal static ServiceInstance ToInstance(string serviceName, StaticInstanceOptions entry)
    {
        var uri = new Uri(entry.Url!, UriKind.Absolute);
        var id = string.IsNullOrWhiteSpace(entry.InstanceId) ? uri.Authority : entry.InstanceId;
        return new ServiceInstance(serviceName, id, uri.Scheme, uri.Host, uri.Port)
        {
            Weight = entry.Weight,
            Zone = entry.Zone,
            Status = entry.Status,
            Metadata = entry.Metadata.Count == 0 ? FrozenDictionary<string, string>.Empty : entry.Metadata.ToFrozenDictionary(StringComparer.Ordinal),
        };
    }

    private void SignalChange()
    {
        // The cancelled source is not disposed: Watch may be reading its Token on another thread right now, and a
        // disposed source throws there. It holds no timer, so leaving it to the GC releases nothing early.
        var previous = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        previous.Cancel();
    }
}
