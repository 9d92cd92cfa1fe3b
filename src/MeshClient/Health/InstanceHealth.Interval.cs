namespace MeshClient.Health;

/// <summary>
/// The requests and successes of the current outlier interval, packed in one 64-bit counter (requests in the high half,
/// successes in the low half) so that counting is one atomic add and the sweep takes both at once.
/// </summary>
internal sealed partial class InstanceHealth
{
    private const long OneRequest = 1L << 32;
    private const long OneSuccess = OneRequest + 1;

    private long _interval;

    /// <summary>Counts one request of the current interval; lock-free and allocation-free.</summary>
    /// <param name="success">Whether it succeeded (not a 5xx, gateway failure or timeout).</param>
    public void CountInterval(bool success) => Interlocked.Add(ref _interval, success ? OneSuccess : OneRequest);

    /// <summary>Returns the counts of the interval that ends now and starts the next one at zero.</summary>
    /// <param name="successes">The successful requests of the interval.</param>
    /// <returns>The requests of the interval.</returns>
    public int TakeInterval(out int successes)
    {
        var packed = Interlocked.Exchange(ref _interval, 0);
        successes = (int)(packed & uint.MaxValue);
        return (int)(packed >>> 32);
    }
}
