using MeshClient.Eureka.Wire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace MeshClient.Eureka.Discovery;

/// <summary>
/// The one background poller of the Eureka registry: a full fetch, then deltas every <c>Mesh:Eureka:RegistryFetchInterval</c>
/// reconciled by hashcode. It holds the local copy, signals the applications that changed, and keeps the last good copy
/// when a fetch fails (retried with exponential backoff).
/// </summary>
internal sealed partial class EurekaRegistryPoller : IHostedService, IDisposable
{
    private readonly EurekaRegistryFetcher _fetcher;
    private readonly IOptionsMonitor<EurekaOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EurekaWatchers _watchers = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _firstFetch = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer _timer;
    private readonly IOptions<MeshOptions> _mesh;
    private TaskCompletionSource _nextFetch = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile EurekaRegistry? _registry;
    private Task? _running;
    private TimeSpan _retryDelay;
    private long _fullFetches;
    private int _started;
    private int _disposed;

    public EurekaRegistryPoller(
        EurekaRegistryFetcher fetcher, IOptionsMonitor<EurekaOptions> options, IOptions<MeshOptions> mesh, TimeProvider time, ILogger<EurekaRegistryPoller> logger)
    {
        _mesh = mesh;
        _fetcher = fetcher;
        _options = options;
        _time = time;
        _logger = logger;
        _timer = time.CreateTimer(static s => ((EurekaRegistryPoller)s!).FetchAsync(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Gets a value indicating whether Eureka is the active provider (<c>Mesh:Discovery:Provider</c>); when it is not, nothing polls.</summary>
    /// <remarks>Read lazily: the options' validation resolves the discovery providers, and with them this poller.</remarks>
    public bool IsActive => _mesh.Value.Discovery.IsActive(EurekaConstants.ProviderName);

    /// <summary>Gets the last good copy of the registry, or <see langword="null"/> before the first successful fetch.</summary>
    public EurekaRegistry? Registry => _registry;

    /// <summary>Gets why the last fetch failed (URL redacted), or <see langword="null"/> when it succeeded.</summary>
    public string? LastError { get; private set; }

    /// <summary>Gets when the registry was last fetched successfully.</summary>
    public DateTimeOffset? LastSuccess { get; private set; }

    /// <summary>Gets how many full fetches ran (first fetch, refused deltas, hashcode mismatches).</summary>
    public long FullFetches => Interlocked.Read(ref _fullFetches);

    /// <summary>Gets a task that completes when the first fetch ended, whatever its outcome.</summary>
    public Task FirstFetch => _firstFetch.Task;

    /// <summary>Gets a task that completes when the next fetch ends (for tests that drive time).</summary>
    internal Task NextFetch => Volatile.Read(ref _nextFetch).Task;


    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A package that is referenced but not selected stays inert: no background fetch against a registry nobody uses.
        if (IsActive)
        {
            EnsureStarted();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return _stopping.CancelAsync();
    }

    /// <summary>Starts polling unless it runs already or fetching is off; the first fetch runs in the background.</summary>
    public void EnsureStarted()
    {
        if (!_options.CurrentValue.ShouldFetchRegistry || Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        _retryDelay = _options.CurrentValue.MinRetryDelay;
        _ = FetchAsync();
    }

    /// <summary>Returns a token that fires when the poller applies a change to an application.</summary>
    public IChangeToken Watch(string appName) => _watchers.Watch(appName);

    /// <summary>Fetches now (single flight: joins a fetch already running).</summary>
    public Task FetchAsync()
    {
        if (Volatile.Read(ref _running) is { } running)
        {
            return running;
        }

        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Interlocked.CompareExchange(ref _running, completion.Task, null) is { } other)
        {
            return other;
        }

        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RunAsync(completion));
        }

        return completion.Task;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _timer.Dispose();
        _stopping.Cancel();
        _stopping.Dispose();
        _watchers.Dispose();
        _firstFetch.TrySetResult();
    }

    private async Task RunAsync(TaskCompletionSource completion)
    {
        var next = _options.CurrentValue.RegistryFetchInterval;
        try
        {
            var (registry, changed) = await FetchOnceAsync(_registry, _stopping.Token);
            _registry = registry;
            LastError = null;
            LastSuccess = _time.GetUtcNow();
            _retryDelay = _options.CurrentValue.MinRetryDelay;
            _watchers.Signal(changed);
        }
        catch (Exception ex) when (_disposed == 0 && !_stopping.IsCancellationRequested)
        {
            next = _retryDelay;
            _retryDelay = TimeSpan.FromTicks(Math.Min(_options.CurrentValue.MaxRetryDelay.Ticks, _retryDelay.Ticks * 2));
            LastError = ex.Message;
            var kept = _registry;
            Log.FetchFailed(_logger, ex.Message, kept?.Apps.Count ?? 0, kept?.InstanceCount ?? 0, next);
        }
        catch (Exception)
        {
            next = Timeout.InfiniteTimeSpan;
        }
        finally
        {
            _firstFetch.TrySetResult();
            Volatile.Write(ref _running, null);
            completion.TrySetResult();
            Interlocked.Exchange(ref _nextFetch, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }

        if (_disposed == 0 && !_stopping.IsCancellationRequested)
        {
            _timer.Change(next, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The reference algorithm: full when there is no copy; else delta, full on 403 or on a hashcode mismatch.</summary>
    private async Task<(EurekaRegistry Registry, IReadOnlyCollection<string> Changed)> FetchOnceAsync(EurekaRegistry? current, CancellationToken cancellationToken)
    {
        if (current is not null && current.Version != -1)
        {
            var delta = await _fetcher.FetchDeltaAsync(cancellationToken);
            if (delta.Value is { } applications)
            {
                var changed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var updated = current.ApplyDelta(applications, changed);
                if (string.Equals(updated.Hashcode, applications.AppsHashcode, StringComparison.Ordinal))
                {
                    return (updated, changed);
                }

                Log.HashcodeMismatch(_logger, updated.Hashcode, applications.AppsHashcode ?? string.Empty, delta.ServedBy.Display);
            }
            else
            {
                Log.DeltaRefused(_logger, delta.ServedBy.Display);
            }
        }

        var full = await _fetcher.FetchFullAsync(cancellationToken);
        Interlocked.Increment(ref _fullFetches);
        var registry = EurekaRegistry.FromFull(full.Value);
        return (registry, [.. (current?.Apps.Keys ?? []).Union(registry.Apps.Keys, StringComparer.OrdinalIgnoreCase)]);
    }
}
