using System.Numerics;

namespace MeshClient.Resilience;

/// <summary>
/// A cheap latency distribution of one service for the adaptive hedging delay: log-scale buckets (four per power of two
/// of microseconds) counted with one atomic increment per response, over the current and the previous
/// <see cref="ResilienceConstants.LatencyWindow"/>. The p95 is computed at most once per
/// <see cref="ResilienceConstants.LatencyRecompute"/>; readers never wait for one another.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBuckets = 4;
    private const int Buckets = 40 * SubBuckets;

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private long[] _current = new long[Buckets];
    private long[] _previous = new long[Buckets];
    private long _rotateAt;
    private long _computedAt;
    private double _p95Ms = double.NaN;

    public LatencyHistogram(TimeProvider time)
    {
        _time = time;
        _rotateAt = time.GetTimestamp() + Ticks(ResilienceConstants.LatencyWindow);
    }

    public void Record(long start, long end)
    {
        if (end >= Volatile.Read(ref _rotateAt))
        {
            Rotate(end);
        }

        var micros = (long)((end - start) * 1_000_000.0 / _time.TimestampFrequency);
        Interlocked.Increment(ref Volatile.Read(ref _current)[Index(micros)]);
    }

    /// <summary>Returns the 95th percentile, or <see langword="null"/> with fewer than <paramref name="minSamples"/> responses.</summary>
    public TimeSpan? P95(long now, int minSamples)
    {
        var computedAt = Volatile.Read(ref _computedAt);
        if ((computedAt == 0 || now - computedAt >= Ticks(ResilienceConstants.LatencyRecompute)) && _gate.TryEnter())
        {
            try
            {
                Volatile.Write(ref _p95Ms, Compute(minSamples));
                Volatile.Write(ref _computedAt, Math.Max(1, now));
            }
            finally
            {
                _gate.Exit();
            }
        }

        var ms = Volatile.Read(ref _p95Ms);
        return double.IsNaN(ms) ? null : TimeSpan.FromMilliseconds(ms);
    }

    /// <summary>The bucket of a latency: four sub-buckets per power of two of microseconds.</summary>
    internal static int Index(long micros)
    {
        if (micros < SubBuckets)
        {
            return (int)Math.Max(0, micros);
        }

        var log = BitOperations.Log2((ulong)micros);
        var sub = (int)((micros >> (log - 2)) & (SubBuckets - 1));
        return Math.Min(Buckets - 1, (log * SubBuckets) + sub);
    }

    /// <summary>The upper edge of a bucket in milliseconds (a conservative estimate of the latencies in it).</summary>
    internal static double UpperMs(int index)
    {
        if (index < SubBuckets)
        {
            return (index + 1) / 1000.0;
        }

        var log = index / SubBuckets;
        var sub = index % SubBuckets;
        return ((SubBuckets + sub + 1L) << (log - 2)) / 1000.0;
    }

    private double Compute(int minSamples)
    {
        Span<long> counts = stackalloc long[Buckets];
        var current = Volatile.Read(ref _current);
        var previous = Volatile.Read(ref _previous);
        long total = 0;
        for (var i = 0; i < Buckets; i++)
        {
            counts[i] = Interlocked.Read(ref current[i]) + Interlocked.Read(ref previous[i]);
            total += counts[i];
        }

        if (total < Math.Max(1, minSamples))
        {
            return double.NaN;
        }

        var wanted = (long)Math.Ceiling(total * 0.95);
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += counts[i];
            if (seen >= wanted)
            {
                return UpperMs(i);
            }
        }

        return UpperMs(Buckets - 1);
    }

    private void Rotate(long now)
    {
        lock (_gate)
        {
            if (now < _rotateAt)
            {
                return;
            }

            // Two windows or more without a response leave nothing worth keeping.
            var stale = now - _rotateAt >= Ticks(ResilienceConstants.LatencyWindow);
            var recycled = _previous;
            Array.Clear(recycled);
            _previous = stale ? new long[Buckets] : _current;
            Volatile.Write(ref _current, recycled);
            Volatile.Write(ref _rotateAt, now + Ticks(ResilienceConstants.LatencyWindow));
        }
    }

    private long Ticks(TimeSpan duration) => (long)(duration.TotalSeconds * _time.TimestampFrequency);
}
