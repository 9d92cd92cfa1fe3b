using Polly;

namespace MeshDemo.Load;

/// <summary>
/// Sends a bounded load: <see cref="LoadPlan.Concurrency"/> workers claim request numbers until <see cref="LoadPlan.Requests"/>
/// are sent or <see cref="LoadPlan.TimeLimit"/> passes. Each request records its own slot, so workers share nothing but a counter.
/// </summary>
internal sealed class LoadRunner(TimeProvider time, string instanceHeader)
{
    /// <summary>The key of successful responses that did not name their instance.</summary>
    public const string UnknownInstance = "?";

    /// <summary>Runs the plan.</summary>
    /// <param name="client">The client to send with.</param>
    /// <param name="plan">The load.</param>
    /// <param name="instanceIds">The instances expected to answer, listed even when they get no request.</param>
    /// <param name="cancellationToken">Stops the load.</param>
    /// <returns>What was observed.</returns>
    public async Task<LoadResult> RunAsync(HttpClient client, LoadPlan plan, IEnumerable<string> instanceIds, CancellationToken cancellationToken)
    {
        var slots = new Slot[plan.Requests];
        var next = -1;
        using var limit = new CancellationTokenSource(plan.TimeLimit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        var started = time.GetTimestamp();

        async Task WorkAsync()
        {
            int i;
            while (!linked.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < slots.Length)
            {
                slots[i] = await SendAsync(client, plan.CreateRequest(i), linked.Token);
            }
        }

        var workers = new Task[Math.Min(plan.Concurrency, plan.Requests)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(WorkAsync, CancellationToken.None);
        }

        await Task.WhenAll(workers);
        cancellationToken.ThrowIfCancellationRequested();
        return Summarize(slots, plan.Requests, instanceIds, time.GetElapsedTime(started));
    }

    private static LoadResult Summarize(Slot[] slots, int planned, IEnumerable<string> instanceIds, TimeSpan elapsed)
    {
        var perInstance = instanceIds.ToDictionary(id => id, _ => 0L, StringComparer.Ordinal);
        var latencies = new List<double>(slots.Length);
        var succeeded = 0;
        foreach (var slot in slots)
        {
            if (!slot.Completed)
            {
                continue;
            }

            latencies.Add(slot.LatencyMs);
            if (slot.Succeeded)
            {
                succeeded++;
                var instance = slot.Instance ?? UnknownInstance;
                perInstance[instance] = perInstance.GetValueOrDefault(instance) + 1;
            }
        }

        return new LoadResult(planned, succeeded, [.. latencies], perInstance, elapsed);
    }

    private async Task<Slot> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        var succeeded = false;
        string? instance = null;
        try
        {
            using (request)
            using (var response = await client.SendAsync(request, cancellationToken))
            {
                succeeded = response.IsSuccessStatusCode;
                instance = response.Headers.TryGetValues(instanceHeader, out var values) ? values.FirstOrDefault() : null;
            }
        }
        catch (HttpRequestException)
        {
            // A failed request: counted, not thrown.
        }
        catch (ExecutionRejectedException)
        {
            // Rejected by the mesh's Polly pipeline (an open instance breaker on the last attempt, the total timeout),
            // which surfaces as Polly's exception rather than an HttpRequestException: counted, not thrown.
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A request that timed out: counted, not thrown.
        }
        catch (OperationCanceledException)
        {
            return default; // the run was stopped: the request did not complete
        }

        return new Slot(true, succeeded, instance, time.GetElapsedTime(start).TotalMilliseconds);
    }

    /// <summary>One request: whether it completed and succeeded, which instance answered, how long it took.</summary>
    private readonly record struct Slot(bool Completed, bool Succeeded, string? Instance, double LatencyMs);
}
