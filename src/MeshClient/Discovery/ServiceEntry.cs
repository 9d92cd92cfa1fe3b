using MeshClient.Events;
using MeshClient.Health;
using MeshClient.LoadBalancing;
using MeshClient.Resilience;
using Microsoft.Extensions.Primitives;

namespace MeshClient.Discovery;

/// <summary>
/// One tracked service: its last good snapshot, its balancing state and its background refresh (single flight,
/// periodic, on change signals, with backoff after failures).
/// </summary>
internal sealed partial class ServiceEntry : IDisposable
{
    private readonly ServiceCatalog _catalog;
    private readonly TaskCompletionSource _firstFetch = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer _timer;
    private readonly Lock _rebuildGate = new();
    private RetryDelay _retry;
    private Task? _refresh;
    private IDisposable? _watch;
    private volatile ServiceSnapshot? _snapshot;
    private volatile ServiceBalancer _balancer = ServiceBalancer.Empty;
    private volatile ServiceEntryStatus _status = ServiceEntryStatus.Pending;
    private long _lastAccess;
    private int _disposed;

    public ServiceEntry(ServiceCatalog catalog, string name)
    {
        _catalog = catalog;
        Name = name;
        _retry = new RetryDelay(catalog.Options.Discovery.MinRetryDelay, catalog.Options.Discovery.MaxRetryDelay);
        _lastAccess = catalog.Time.GetTimestamp();
        _timer = catalog.Time.CreateTimer(static s => ((ServiceEntry)s!).RefreshAsync(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Health = new ServiceHealth(this, catalog);
        Budget = new RetryBudget(catalog.Time);
        Latency = new LatencyHistogram(catalog.Time);
    }

    public string Name { get; }

    public ServiceSnapshot? Snapshot => _snapshot;

    public ServiceEntryStatus Status => _status;

    public string? LastError { get; private set; }

    public ServiceBalancer Balancer => _balancer;

    /// <summary>Gets the health of the service's instances: ejections, open breakers, panic.</summary>
    public ServiceHealth Health { get; }

    /// <summary>Gets the retry budget of the service.</summary>
    public RetryBudget Budget { get; }

    /// <summary>Gets the latency distribution of the service (fed only while hedging uses an adaptive delay).</summary>
    public LatencyHistogram Latency { get; }

    public Task FirstFetch => _firstFetch.Task;

    public long LastAccess => Volatile.Read(ref _lastAccess);

    /// <summary>Marks the entry as used; writes at most about once a second to keep the hot path free of contention.</summary>
    public void Touch(long timestamp)
    {
        if (timestamp - Volatile.Read(ref _lastAccess) > _catalog.Time.TimestampFrequency)
        {
            Volatile.Write(ref _lastAccess, timestamp);
        }
    }

    public Task RefreshAsync()
    {
        if (Volatile.Read(ref _refresh) is { } running)
        {
            return running;
        }

        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Interlocked.CompareExchange(ref _refresh, completion.Task, null) is { } other)
        {
            return other;
        }

        // Background work never runs on a request's execution context.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RunRefreshAsync(completion));
        }

        return completion.Task;
    }

    /// <summary>Rebuilds the picker from the current snapshot, settings and instance health (after a change of any).</summary>
    public void RebuildBalancer()
    {
        ServiceBalancer balancer;
        lock (_rebuildGate)
        {
            balancer = ServiceBalancer.Build(_catalog, this, _snapshot, _balancer);
            _balancer = balancer;
        }

        if (!ReferenceEquals(balancer, ServiceBalancer.Empty))
        {
            Health.OnRebuilt(balancer.Panic, balancer.HealthyCount, balancer.UpCount, balancer.Warming);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _timer.Dispose();
        Health.Dispose();
        Interlocked.Exchange(ref _watch, null)?.Dispose();
        _firstFetch.TrySetResult();
    }

    private async Task RunRefreshAsync(TaskCompletionSource completion)
    {
        var provider = _catalog.ProviderFor(Name);
        IChangeToken? changes = null;
        TimeSpan next;
        try
        {
            // Take the change token before fetching: a change signalled while the fetch runs then triggers the next one
            // instead of being lost between the fetch and the watch.
            changes = provider.Watch(Name);
            using var timeout = new CancellationTokenSource(_catalog.Options.Discovery.FetchTimeout, _catalog.Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _catalog.Stopping);
            var result = await provider.ResolveAsync(Name, linked.Token);
            Apply(provider, result);
            _catalog.OnFetchSucceeded(this, provider.Name);
            _retry.Reset();
            LastError = null;
            next = _catalog.Options.Discovery.RefreshInterval;
        }
        catch (Exception ex) when (_disposed == 0)
        {
            LastError = ex is OperationCanceledException ? "the fetch timed out" : ex.Message;
            if (_status != ServiceEntryStatus.Found)
            {
                _status = ServiceEntryStatus.Failed;
            }

            next = _retry.Next();
            _catalog.OnFetchFailed(this, provider.Name, LastError, next);
        }
        catch (Exception)
        {
            next = Timeout.InfiniteTimeSpan;
        }
        finally
        {
            _firstFetch.TrySetResult();
            Volatile.Write(ref _refresh, null);
            completion.TrySetResult();
        }

        if (_disposed == 0)
        {
            _timer.Change(next, Timeout.InfiniteTimeSpan);
            WatchForChanges(changes);
        }
    }

    private void Apply(IServiceDiscoveryProvider provider, DiscoveryResult result)
    {
        var previous = _snapshot;
        var status = result.Found ? ServiceEntryStatus.Found : ServiceEntryStatus.NotFound;
        if (previous is not null && previous.HasSameInstances(result.Instances))
        {
            _status = status;
            _catalog.Metrics.RecordRefresh(Name, "unchanged");
            return;
        }

        if (previous is null && !result.Found)
        {
            _status = status;
            _catalog.Metrics.RecordRefresh(Name, "not_found");
            return;
        }

        var snapshot = new ServiceSnapshot(Name, (previous?.Version ?? 0) + 1, result.Instances, _catalog.Time.GetUtcNow(), provider.Name);
        _snapshot = snapshot;
        _status = status;
        RebuildBalancer();
        var kept = previous is null ? 0 : previous.Instances.Count(p => snapshot.Instances.Any(i => i.InstanceId == p.InstanceId));
        _catalog.Metrics.RecordRefresh(Name, "changed");
        _catalog.Events.Publish(new InstancesChangedEvent(
            snapshot.UpdatedAt, Name, snapshot.Version, snapshot.Instances.Count, snapshot.Instances.Count - kept, (previous?.Instances.Count ?? 0) - kept));
        _catalog.OnChanged(this, snapshot);
    }

    private void WatchForChanges(IChangeToken? token)
    {
        IDisposable? registration = null;
        if (token is { ActiveChangeCallbacks: true })
        {
            registration = token.RegisterChangeCallback(static s => ((ServiceEntry)s!).RefreshAsync(), this);
        }

        Interlocked.Exchange(ref _watch, registration)?.Dispose();
        if (token is { HasChanged: true })
        {
            _ = RefreshAsync();
        }
    }
}
