using Polly;

namespace MeshClient.Benchmarks.Scenarios;

/// <summary>What one measured run observed.</summary>
/// <param name="Completed">Requests that completed (succeeded or failed) before the time limit.</param>
/// <param name="Succeeded">Requests answered with a 2xx.</param>
/// <param name="P50">Median latency of the completed requests, ms (failed ones included).</param>
/// <param name="P99">99th percentile of the same, ms.</param>
/// <param name="Mean">Mean of the same, ms.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="Failures">Failed requests by kind: a non-2xx status, <see cref="HttpRequestException"/> (connection refused or reset),
/// Polly's <see cref="ExecutionRejectedException"/> (open circuit breaker, timeout), other cancellations (timeouts below Polly).</param>
internal readonly record struct ScenarioLoadResult(int Completed, int Succeeded, double P50, double P99, double Mean, TimeSpan Elapsed, (int Status, int Connection, int Rejected, int Canceled) Failures);

/// <summary>
/// A bounded closed-loop load (as <c>samples/MeshDemo/Load/LoadRunner.cs</c>): <c>concurrency</c> workers claim request
/// numbers until <c>requests</c> are sent or the time limit passes. Every request is <c>GET http://ratings/api/x</c>.
/// </summary>
internal static class ScenarioLoad
{
    private const string Url = "http://" + ScenarioStacks.Service + "/api/x";

    /// <param name="client">The client.</param>
    /// <param name="requests">How many requests.</param>
    /// <param name="concurrency">How many in flight.</param>
    /// <param name="timeLimit">The bound of the run.</param>
    /// <param name="at">The request number at which <paramref name="action"/> runs once (mid-run faults), or -1.</param>
    /// <param name="action">What to run then; it must return at once.</param>
    public static async Task<ScenarioLoadResult> RunAsync(HttpClient client, int requests, int concurrency, TimeSpan timeLimit, int at = -1, Action? action = null)
    {
        var latencies = new double[requests];
        var completed = new bool[requests];
        var outcomes = new Outcome[requests];
        var next = -1;
        var fired = 0;
        using var limit = new CancellationTokenSource(timeLimit, TimeProvider.System);
        var started = TimeProvider.System.GetTimestamp();

        async Task WorkAsync()
        {
            int i;
            while (!limit.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < requests)
            {
                if (i == at && action is not null && Interlocked.Exchange(ref fired, 1) == 0)
                {
                    action();
                }

                var start = TimeProvider.System.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(Url, limit.Token).ConfigureAwait(false);
                    outcomes[i] = response.IsSuccessStatusCode ? Outcome.Succeeded : Outcome.Status;
                }
                catch (HttpRequestException)
                {
                    outcomes[i] = Outcome.Connection;
                }
                catch (ExecutionRejectedException)
                {
                    outcomes[i] = Outcome.Rejected; // Polly: an open circuit breaker, a timeout
                }
                catch (OperationCanceledException) when (!limit.IsCancellationRequested)
                {
                    outcomes[i] = Outcome.Canceled;
                }
                catch (OperationCanceledException)
                {
                    return; // the time limit: this request did not complete
                }

                latencies[i] = TimeProvider.System.GetElapsedTime(start).TotalMilliseconds;
                completed[i] = true;
            }
        }

        var workers = new Task[Math.Min(concurrency, requests)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(WorkAsync, CancellationToken.None);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var done = new List<double>(requests);
        var counts = new int[5];
        for (var i = 0; i < requests; i++)
        {
            if (completed[i])
            {
                done.Add(latencies[i]);
                counts[(int)outcomes[i]]++;
            }
        }

        done.Sort();
        return new ScenarioLoadResult(
            done.Count, counts[(int)Outcome.Succeeded], Percentile(done, 0.50), Percentile(done, 0.99), done.Count == 0 ? double.NaN : done.Average(), elapsed,
            (counts[(int)Outcome.Status], counts[(int)Outcome.Connection], counts[(int)Outcome.Rejected], counts[(int)Outcome.Canceled]));
    }

    private static double Percentile(List<double> sorted, double p)
        => sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private enum Outcome : byte
    {
        Succeeded,
        Status,
        Connection,
        Rejected,
        Canceled,
    }
}
