namespace MeshDemo.Load;

/// <summary>What one bounded load observed: completed and successful requests, latencies (sorted) and requests per instance.</summary>
internal sealed class LoadResult
{
    private readonly double[] _sortedLatenciesMs;

    public LoadResult(int planned, int succeeded, double[] latenciesMs, IReadOnlyDictionary<string, long> perInstance, TimeSpan elapsed)
    {
        Planned = planned;
        Succeeded = succeeded;
        _sortedLatenciesMs = [.. latenciesMs];
        Array.Sort(_sortedLatenciesMs);
        PerInstance = perInstance;
        Elapsed = elapsed;
    }

    public int Planned { get; }

    /// <summary>Gets how many requests completed (with a response or an error); fewer than planned when the time limit cut the run.</summary>
    public int Completed => _sortedLatenciesMs.Length;

    public int Succeeded { get; }

    /// <summary>Gets the successful fraction of the completed requests, 0 to 1.</summary>
    public double SuccessRate => Completed == 0 ? 0 : (double)Succeeded / Completed;

    /// <summary>Gets the successful requests each instance answered, by instance id, including instances that got none.</summary>
    public IReadOnlyDictionary<string, long> PerInstance { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Returns a latency percentile by nearest rank over every completed request.</summary>
    /// <param name="percentile">From 0 to 100, for example 99.</param>
    /// <returns>Milliseconds, or 0 without samples.</returns>
    public double LatencyPercentileMs(double percentile)
    {
        if (_sortedLatenciesMs.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * _sortedLatenciesMs.Length);
        return _sortedLatenciesMs[Math.Clamp(rank - 1, 0, _sortedLatenciesMs.Length - 1)];
    }
}
