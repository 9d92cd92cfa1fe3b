using System.Net;
using MeshClient.Consul.Http;
using MeshClient.Consul.Wire;
using MeshClient.Discovery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace MeshClient.Consul.Discovery;

/// <summary>
/// One blocking-query loop on <c>GET /v1/health/service/{name}</c>: <c>index</c> from <c>X-Consul-Index</c>, reset to 0 when it
/// goes backwards, at least 1; rate-limited; errors keep the last good set and back off. Its change token fires only when
/// the instances really changed (an index bump with the same content fires nothing).
/// </summary>
internal sealed partial class ConsulServiceWatcher : IDisposable
{
    private readonly ConsulHttpClient _http;
    private readonly IOptionsMonitor<ConsulOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConsulQueryLimiter _limiter;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _firstAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource _changed = new();
    private volatile ServiceSnapshotResult? _result;
    private long _calls;
    private int _disposed;

    public ConsulServiceWatcher(string serviceName, ConsulHttpClient http, IOptionsMonitor<ConsulOptions> options, TimeProvider time, ILogger logger)
    {
        ServiceName = serviceName;
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        _limiter = new ConsulQueryLimiter(time);
    }

    public string ServiceName { get; }

    /// <summary>Gets the last good answer, or <see langword="null"/> before the first one.</summary>
    public ServiceSnapshotResult? Result => _result;

    /// <summary>Gets why the last call failed, or <see langword="null"/> when it succeeded.</summary>
    public string? LastError { get; private set; }

    /// <summary>Gets the blocking index the next call sends (0: a non-blocking call).</summary>
    public ulong Index { get; private set; }

    /// <summary>Gets how many calls the loop made.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Gets a task that completes when the first call ended, whatever its outcome.</summary>
    public Task FirstAnswer => _firstAnswer.Task;

    public void Start()
    {
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RunAsync(_stopping.Token));
        }
    }

    /// <summary>Returns a token that fires at the next change of the instances.</summary>
    public IChangeToken Watch() => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopping.Cancel();
        _firstAnswer.TrySetResult();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var retryDelay = _options.CurrentValue.MinRetryDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            var o = _options.CurrentValue;
            try
            {
                await _limiter.WaitAsync(o.MinQueryInterval, cancellationToken);
                await PollOnceAsync(o, cancellationToken);
                retryDelay = o.MinRetryDelay;
                LastError = null;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Whatever failed, the next call starts over without an index, after a backoff.
                Index = 0;
                LastError = ex.Message;
                Log.WatchFailed(_logger, ServiceName, ex.Message, _result?.Instances.Count ?? 0, retryDelay);
                var delay = retryDelay;
                retryDelay = TimeSpan.FromTicks(Math.Min(o.MaxRetryDelay.Ticks, retryDelay.Ticks * 2));
                try
                {
                    _firstAnswer.TrySetResult();
                    await Task.Delay(delay, _time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            finally
            {
                _firstAnswer.TrySetResult();
            }
        }
    }

    private async Task PollOnceAsync(ConsulOptions o, CancellationToken cancellationToken)
    {
        var index = Index;
        var request = new ConsulRequest(HttpMethod.Get, ConsulHealthQuery.Path(ServiceName, o, index), ConsulHealthQuery.Timeout(o, index));
        Interlocked.Increment(ref _calls);
        var response = await _http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw response.Unexpected(request);
        }

        var entries = ConsulPayloadReader.ReadHealth(response.Body);
        var returned = response.Index
            ?? throw new ConsulFormatException($"{request.Describe()} to {response.ServedBy.Display} answered without an {ConsulConstants.IndexHeader} header");
        Apply(entries.Count > 0, ConsulInstanceMapper.MapAll(ServiceName, entries, o), returned);
        if (returned < index)
        {
            Log.IndexWentBackwards(_logger, ServiceName, index, returned);
            Index = 0;
        }
        else
        {
            // An index of 0 is a Consul bug: blocking on it returns at once, forever.
            Index = Math.Max(returned, 1);
        }
    }

    private void Apply(bool found, IReadOnlyList<ServiceInstance> instances, ulong index)
    {
        var previous = _result;
        if (previous is not null && previous.Found == found && SameInstances(previous.Instances, instances))
        {
            return;
        }

        _result = new ServiceSnapshotResult(found, instances);
        Log.Changed(_logger, ServiceName, instances.Count, index);
        Interlocked.Exchange(ref _changed, new CancellationTokenSource()).Cancel();
    }

    private static bool SameInstances(IReadOnlyList<ServiceInstance> a, IReadOnlyList<ServiceInstance> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        var byId = a.ToDictionary(static i => i.InstanceId, StringComparer.Ordinal);
        return b.All(i => byId.TryGetValue(i.InstanceId, out var other) && other.Equals(i));
    }
}
