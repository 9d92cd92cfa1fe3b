namespace MeshClient.Consul.Discovery;

/// <summary>
/// The rate limit of one watch loop, as the Consul docs prescribe for blocking queries: a token bucket holding
/// <see cref="ConsulConstants.QueryBurst"/> calls, refilled with one call per interval, on a <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ConsulQueryLimiter(TimeProvider time)
{
    private double _tokens = ConsulConstants.QueryBurst;
    private long _last = time.GetTimestamp();

    /// <summary>Waits until a call may start, then takes its token.</summary>
    public async Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        var wait = Take(interval);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Takes a token; returns how long to wait first (zero when one was available).</summary>
    internal TimeSpan Take(TimeSpan interval)
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(ConsulConstants.QueryBurst, _tokens + (time.GetElapsedTime(_last, now) / interval));
        _last = now;
        _tokens -= 1;
        return _tokens >= 0 ? TimeSpan.Zero : -_tokens * interval;
    }
}
