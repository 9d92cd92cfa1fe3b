using System.Numerics;

namespace MeshClient.Anomaly;

/// <summary>
/// The fixed log-linear latency buckets of a series (as HdrHistogram with two significant bits): microseconds, four
/// sub-buckets per power of two, so a percentile is within 12.5 % of the true value. Index and bounds are pure arithmetic.
/// </summary>
internal static class LatencyHistogram
{
    private const int Sub = AnomalyConstants.HistogramSubBuckets;

    public static int IndexOf(TimeSpan duration)
    {
        var micros = (ulong)Math.Max(0, duration.Ticks / TimeSpan.TicksPerMicrosecond);
        if (micros < Sub)
        {
            return (int)micros;
        }

        var octave = BitOperations.Log2(micros);
        var index = (octave - 1) * Sub + (int)((micros >> (octave - 2)) & (Sub - 1));
        return Math.Min(index, AnomalyConstants.HistogramBuckets - 1);
    }

    /// <summary>The midpoint of bucket <paramref name="index"/> in milliseconds.</summary>
    public static double MidpointMs(int index)
    {
        if (index < Sub)
        {
            return (index + 0.5) / 1000.0;
        }

        var octave = (index / Sub) + 1;
        var sub = index % Sub;
        var width = 1L << (octave - 2);
        var lower = (Sub + sub) * width;
        return (lower + (width / 2.0)) / 1000.0;
    }

    /// <summary>The <paramref name="quantile"/> of the counts in <paramref name="counts"/>, in milliseconds, or NaN when empty.</summary>
    public static double Quantile(ReadOnlySpan<long> counts, long total, double quantile)
    {
        if (total <= 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return MidpointMs(i);
            }
        }

        return MidpointMs(counts.Length - 1);
    }
}
