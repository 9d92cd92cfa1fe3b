using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using MeshClient.Events;
using MeshClient.Health;
using MeshClient.LoadBalancing;
using MeshClient.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshClient.Discovery;

/// <summary>The instance cache: one <see cref="ServiceEntry"/> per service in use, bounded in count and expired when idle.</summary>
internal sealed partial class ServiceCatalog : IServiceInstanceCache, IDisposable
{
    private readonly ConcurrentDictionary<string, ServiceEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ServiceEntry>.AlternateLookup<ReadOnlySpan<char>> _entriesBySpan;
    private readonly DiscoveryProviderSelector _providers;
    private readonly LoadBalancerRegistry _balancers;
    private readonly RegistryReachability _reachability;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly IDisposable? _optionsSubscription;
    private readonly ITimer _sweeper;
    private volatile MeshOptions _options;
    private int _disposed;

    public ServiceCatalog(
        IOptionsMonitor<MeshOptions> options,
        DiscoveryProviderSelector providers,
        LoadBalancerRegistry balancers,
        RegistryReachability reachability,
        IMeshEventStream events,
        MeshMetrics metrics,
        MeshRandom random,
        TimeProvider time,
        ILogger<ServiceCatalog> logger)
    {
        _entriesBySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
        _options = options.CurrentValue;
        _providers = providers;
        _balancers = balancers;
        _reachability = reachability;
        Events = events;
        Metrics = metrics;
        Random = random;
        Time = time;
        _logger = logger;
        _optionsSubscription = options.OnChange(OnOptionsChanged);
        _sweeper = time.CreateTimer(static s => ((ServiceCatalog)s!).Sweep(), this, DiscoveryConstants.SweepInterval, DiscoveryConstants.SweepInterval);
        metrics.ObserveInstances(this);
    }

    public MeshOptions Options => _options;

    public TimeProvider Time { get; }

    public MeshRandom Random { get; }

    public IMeshEventStream Events { get; }

    public MeshMetrics Metrics { get; }

    public CancellationToken Stopping => _stopping.Token;

    public ILogger Logger => _logger;

    public IReadOnlyCollection<string> Services => [.. _entries.Keys];

    public IEnumerable<ServiceEntry> Entries => _entries.Values;

    public bool TryGetSnapshot(string serviceName, [NotNullWhen(true)] out ServiceSnapshot? snapshot)
    {
        snapshot = _entries.TryGetValue(serviceName, out var entry) ? entry.Snapshot : null;
        return snapshot is not null;
    }

    public async ValueTask<ServiceSnapshot?> GetSnapshotAsync(string serviceName, CancellationToken cancellationToken)
        => (await GetReadyAsync(serviceName, cancellationToken)).Snapshot;

    public IReadOnlyList<InstanceState> GetInstanceStates(string serviceName)
        => _entries.TryGetValue(serviceName, out var entry) ? entry.Balancer.All : [];

    public Task RefreshAsync(string serviceName, CancellationToken cancellationToken)
        => GetOrAdd(serviceName).RefreshAsync().WaitAsync(cancellationToken);

    public bool TryGetEntry(string serviceName, [NotNullWhen(true)] out ServiceEntry? entry) => _entries.TryGetValue(serviceName, out entry);

    /// <summary>Looks a service up by a slice of the request address, without allocating its name.</summary>
    public bool TryGetEntry(ReadOnlySpan<char> serviceName, [NotNullWhen(true)] out ServiceEntry? entry) => _entriesBySpan.TryGetValue(serviceName, out entry);

    public bool IsConfigured(string serviceName) => _options.Services.ContainsKey(serviceName);

    public ServiceEntry GetOrAdd(string serviceName)
    {
        if (_entries.TryGetValue(serviceName, out var existing))
        {
            return existing;
        }

        var created = new ServiceEntry(this, serviceName);
        var entry = _entries.GetOrAdd(serviceName, created);
        if (ReferenceEquals(entry, created))
        {
            _ = created.RefreshAsync();
            if (_entries.Count > _options.Discovery.MaxServices)
            {
                EvictLeastRecentlyUsed(created);
            }
        }
        else
        {
            created.Dispose();
        }

        return entry;
    }

    /// <summary>Returns the entry once its first fetch completed, waiting at most <c>Mesh:Discovery:InitialFetchTimeout</c>.</summary>
    public async ValueTask<ServiceEntry> GetReadyAsync(string serviceName, CancellationToken cancellationToken)
    {
        var entry = GetOrAdd(serviceName);
        entry.Touch(Time.GetTimestamp());
        if (!entry.FirstFetch.IsCompleted)
        {
            try
            {
                await entry.FirstFetch.WaitAsync(_options.Discovery.InitialFetchTimeout, Time, cancellationToken);
            }
            catch (TimeoutException)
            {
                Log.FirstFetchTimedOut(_logger, serviceName, _options.Discovery.InitialFetchTimeout);
            }
        }

        return entry;
    }

    public IServiceDiscoveryProvider ProviderFor(string serviceName)
        => _options.Services.TryGetValue(serviceName, out var service) && service.Instances.Count > 0 ? _providers.Static : _providers.Active;

    public ServiceSettings SettingsFor(string serviceName)
    {
        var options = _options;
        options.Services.TryGetValue(serviceName, out var service);
        var name = service?.LoadBalancer ?? options.LoadBalancer;
        if (!_balancers.TryGet(name, out var balancer) && !_balancers.TryGet(MeshConstants.DefaultLoadBalancer, out balancer))
        {
            throw new InvalidOperationException($"Mesh:Services:{serviceName}:LoadBalancer: no balancer named '{name}' is registered.");
        }

        return new ServiceSettings(
            balancer,
            service?.Balancing ?? options.Balancing,
            service?.ZonePreference ?? options.ZonePreference,
            service?.Resilience ?? options.Resilience,
            service?.Health ?? options.Health);
    }

    public void OnFetchFailed(ServiceEntry entry, string provider, string reason, TimeSpan retryIn)
    {
        Log.FetchFailed(_logger, entry.Name, provider, reason, entry.Snapshot?.Instances.Count ?? 0, retryIn);
        Metrics.RecordRefresh(entry.Name, "failed");
        Events.Publish(new DiscoveryFailedEvent(Time.GetUtcNow(), entry.Name, provider, reason));
        _reachability.Failed(provider, RegistryReachability.DiscoverySource(entry.Name), reason);
    }

    /// <summary>A fetch of <paramref name="entry"/> through <paramref name="provider"/> succeeded (found or not).</summary>
    public void OnFetchSucceeded(ServiceEntry entry, string provider)
        => _reachability.Succeeded(provider, RegistryReachability.DiscoverySource(entry.Name));

    public void OnChanged(ServiceEntry entry, ServiceSnapshot snapshot)
    {
        Log.InstancesChanged(_logger, entry.Name, snapshot.Version, snapshot.Instances.Count, entry.Balancer.EligibleCount);
        OnFetchSucceeded(entry, snapshot.Source);
    }

    public void Dispose()
    {
        // DI disposes this once per registration that resolves it (itself and IServiceInstanceCache).
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopping.Cancel();
        _optionsSubscription?.Dispose();
        _sweeper.Dispose();
        foreach (var entry in _entries.Values)
        {
            entry.Dispose();
        }

        _entries.Clear();
        _stopping.Dispose();
    }

    private void OnOptionsChanged(MeshOptions options, string? name)
    {
        _options = options;
        foreach (var entry in _entries.Values)
        {
            entry.RebuildBalancer();
            _ = entry.RefreshAsync();
        }
    }

    /// <summary>Drops services that are not configured and saw no request for <c>Mesh:Discovery:ServiceIdleTimeout</c>.</summary>
    private void Sweep()
    {
        var now = Time.GetTimestamp();
        foreach (var (name, entry) in _entries)
        {
            if (!IsConfigured(name) && Time.GetElapsedTime(entry.LastAccess, now) > _options.Discovery.ServiceIdleTimeout)
            {
                Remove(name, entry);
            }
            else if (entry.FirstFetch.IsCompleted && entry.LastError is null && entry.Status != ServiceEntryStatus.Pending)
            {
                // Unchanged answers report nothing: the last fetch of this service succeeded, so its registry answers.
                OnFetchSucceeded(entry, ProviderFor(name).Name);
            }
        }
    }

    /// <summary>Drops the least recently used unconfigured service, never the one just added.</summary>
    private void EvictLeastRecentlyUsed(ServiceEntry added)
    {
        // A loop, not MinBy: MinBy throws on an empty sequence of (struct) pairs, which happens when every other service is configured.
        KeyValuePair<string, ServiceEntry>? victim = null;
        foreach (var candidate in _entries)
        {
            if (!ReferenceEquals(candidate.Value, added) && !IsConfigured(candidate.Key)
                && (victim is null || candidate.Value.LastAccess < victim.Value.Value.LastAccess))
            {
                victim = candidate;
            }
        }

        if (victim is { } lru)
        {
            Remove(lru.Key, lru.Value);
        }
    }

    private void Remove(string name, ServiceEntry entry)
    {
        if (_entries.TryRemove(new KeyValuePair<string, ServiceEntry>(name, entry)))
        {
            entry.Dispose();
            _reachability.Forget(RegistryReachability.DiscoverySource(name));
            Log.ServiceExpired(_logger, name);
        }
    }
}
