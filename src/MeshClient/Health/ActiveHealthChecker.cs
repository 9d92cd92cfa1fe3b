using MeshClient.Discovery;
using MeshClient.LoadBalancing;

namespace MeshClient.Health;

/// <summary>
/// The active health checks of one service: a <see cref="TimeProvider"/> timer starts a round every interval plus a
/// random jitter; a round sends <c>GET {path}</c> to every instance at once (on the thread pool, never on a request's
/// execution context), each within its timeout, and hands the results to <see cref="ServiceHealth.OnCheck"/>.
/// </summary>
internal sealed class ActiveHealthChecker : IDisposable
{
    private readonly ServiceEntry _entry;
    private readonly ServiceCatalog _catalog;
    private readonly ServiceHealth _health;
    private readonly HttpMessageInvoker _client = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
    private readonly ITimer _timer;
    private int _disposed;

    public ActiveHealthChecker(ServiceEntry entry, ServiceCatalog catalog, ServiceHealth health, ActiveHealthCheckOptions options)
    {
        _entry = entry;
        _catalog = catalog;
        _health = health;
        _timer = catalog.Time.CreateTimer(static s => ((ActiveHealthChecker)s!).OnTick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Arm(options);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _timer.Dispose();
            _client.Dispose();
        }
    }

    private void Arm(ActiveHealthCheckOptions options)
    {
        var jitterMs = (int)Math.Min(int.MaxValue, options.Jitter.TotalMilliseconds);
        var jitter = jitterMs > 0 ? TimeSpan.FromMilliseconds(_catalog.Random.NextIndex(jitterMs + 1)) : TimeSpan.Zero;
        if (Volatile.Read(ref _disposed) == 0)
        {
            _timer.Change(options.Interval + jitter, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTick()
    {
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(RunRoundAsync);
        }
    }

    private async Task RunRoundAsync()
    {
        if (_entry.Balancer.Settings?.Health.ActiveChecks is not { Enabled: true } options || Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        // The next round is armed first, so its time does not depend on how long this one takes.
        Arm(options);
        var states = _entry.Balancer.All;
        var checks = new Task[states.Length];
        for (var i = 0; i < states.Length; i++)
        {
            checks[i] = CheckAsync(states[i], options);
        }

        await Task.WhenAll(checks).ConfigureAwait(false);
    }

    private async Task CheckAsync(InstanceState state, ActiveHealthCheckOptions options)
    {
        string? failure;
        using var timeout = new CancellationTokenSource(options.Timeout, _catalog.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _catalog.Stopping);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(string.Concat(state.Instance.BaseAddress, options.Path), UriKind.Absolute));
            using var response = await _client.SendAsync(request, linked.Token).ConfigureAwait(false);
            failure = response.IsSuccessStatusCode ? null : $"status {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            failure = "timeout";
        }
        catch (Exception ex) when (!_catalog.Stopping.IsCancellationRequested && Volatile.Read(ref _disposed) == 0)
        {
            failure = ex is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http ? http.HttpRequestError.ToString() : ex.GetType().Name;
        }
        catch (Exception)
        {
            return;
        }

        _health.OnCheck(state, failure, options);
    }
}
