using Polly;

namespace MeshDemo.Load;

/// <summary>
/// A steady open-loop load for a fixed time: <paramref name="workers"/> workers, each sending on its own schedule so that
/// together they send <paramref name="requestsPerSecond"/> (a worker that falls a whole period behind, behind a slow answer,
/// skips ahead instead of bursting). Steady per-bucket throughput is what an anomaly detector learns as normal.
/// </summary>
/// <param name="time">The clock.</param>
/// <param name="workers">How many requests may be in flight at once.</param>
/// <param name="requestsPerSecond">The total rate.</param>
internal sealed class PacedLoad(TimeProvider time, int workers, double requestsPerSecond)
{
    private long _sent;

    /// <summary>Gets how many requests were sent so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Sends the load until <paramref name="stop"/> is cancelled.</summary>
    /// <param name="client">The client to send with.</param>
    /// <param name="createRequest">Builds request <c>i</c>.</param>
    /// <param name="stop">Ends the load.</param>
    /// <returns>A task that completes when every worker has stopped.</returns>
    public Task RunAsync(HttpClient client, Func<int, HttpRequestMessage> createRequest, CancellationToken stop)
    {
        var period = TimeSpan.FromSeconds(workers / requestsPerSecond);
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            var offset = period * w / workers;
            tasks[w] = Task.Run(() => WorkAsync(client, createRequest, period, offset, stop), CancellationToken.None);
        }

        return Task.WhenAll(tasks);
    }

    private async Task WorkAsync(HttpClient client, Func<int, HttpRequestMessage> createRequest, TimeSpan period, TimeSpan offset, CancellationToken stop)
    {
        var started = time.GetTimestamp();
        var next = offset;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var wait = next - time.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stop);
                }
                else if (-wait > period)
                {
                    next = time.GetElapsedTime(started);
                }

                next += period;
                await SendAsync(client, createRequest((int)(Interlocked.Increment(ref _sent) % int.MaxValue)), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The load ended.
        }
    }

    private static async Task SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken stop)
    {
        try
        {
            using (request)
            using (await client.SendAsync(request, stop))
            {
            }
        }
        catch (HttpRequestException)
        {
            // A failed request: the anomaly feed saw its outcome, nothing more to do here.
        }
        catch (ExecutionRejectedException)
        {
            // Rejected by the mesh's Polly pipeline: the same.
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            // A request that timed out: the same.
        }
    }
}
