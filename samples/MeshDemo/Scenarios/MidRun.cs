namespace MeshDemo.Scenarios;

/// <summary>Runs a fault mid-run: once, when the load creates request number <c>at</c> (so "mid-run" does not depend on the machine's speed).</summary>
internal static class MidRun
{
    /// <summary>Wraps a plan's request factory so that <paramref name="action"/> runs once, on the first request numbered <paramref name="at"/> or more.</summary>
    /// <param name="at">The request number that triggers the action.</param>
    /// <param name="createRequest">The plan's request factory.</param>
    /// <param name="action">What to do; it must return at once (start background work, do not wait for it).</param>
    /// <returns>The wrapped factory.</returns>
    public static Func<int, HttpRequestMessage> At(int at, Func<int, HttpRequestMessage> createRequest, Action action)
    {
        var fired = 0;
        return i =>
        {
            if (i >= at && Interlocked.Exchange(ref fired, 1) == 0)
            {
                action();
            }

            return createRequest(i);
        };
    }
}
