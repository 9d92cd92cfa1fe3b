namespace MeshClient.AspNetCore.Drain;

/// <summary>Counts the server requests in flight, so that the drain can wait until none is left.</summary>
internal sealed class InFlightRequests
{
    private int _count;
    private TaskCompletionSource? _idle;

    /// <summary>Gets the number of requests in flight.</summary>
    public int Count => Volatile.Read(ref _count);

    public void Enter() => Interlocked.Increment(ref _count);

    public void Exit()
    {
        if (Interlocked.Decrement(ref _count) == 0)
        {
            Volatile.Read(ref _idle)?.TrySetResult();
        }
    }

    /// <summary>Completes once no request is in flight (at once when none is).</summary>
    /// <returns>A task that completes when the count reaches zero.</returns>
    public Task WhenIdleAsync()
    {
        var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var idle = Interlocked.CompareExchange(ref _idle, created, null) ?? created;
        if (Count == 0)
        {
            idle.TrySetResult();
        }

        return idle.Task;
    }
}
