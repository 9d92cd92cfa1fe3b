using MeshClient.Anomaly;

namespace MeshClient.Benchmarks;

/// <summary>
/// The series every detector benchmark observes: 4,096 five-minute buckets (about 14 days) of a daily cycle around
/// 100 (amplitude 10) with Gaussian noise (sd 2), a spike at bucket 2,000 and a step of +30 from bucket 3,000 on.
/// Deterministic (fixed seed), pre-generated so that the benchmarks measure the detectors only.
/// </summary>
internal static class DetectorSeries
{
    public const int Length = 4096;
    public const int PerDay = 288;

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static double[] Values()
    {
        var random = new Random(20260101);
        var values = new double[Length];
        for (var i = 0; i < values.Length; i++)
        {
            var noise = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
            values[i] = 100.0 + (10.0 * Math.Sin(2.0 * Math.PI * i / PerDay)) + (2.0 * noise) + (i >= 3000 ? 30.0 : 0.0) + (i == 2000 ? 60.0 : 0.0);
        }

        return values;
    }

    public static DateTimeOffset[] Timestamps()
    {
        var times = new DateTimeOffset[Length];
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = Start.AddMinutes(5.0 * i);
        }

        return times;
    }

    /// <summary>
    /// Per-instance feature vectors (error rate, p99 latency in ms, throughput per bucket) derived from the series, row-major:
    /// latency follows the series, the error rate rises with it, throughput falls as latency rises.
    /// </summary>
    public static double[] Points(double[] values, int dimensions)
    {
        var points = new double[values.Length * dimensions];
        for (var i = 0; i < values.Length; i++)
        {
            var row = points.AsSpan(i * dimensions, dimensions);
            row[0] = 0.002 * (values[i] / 100.0) * (values[i] / 100.0);
            row[1] = 2.0 * values[i];
            row[2] = 1000.0 - (1.5 * (values[i] - 100.0)) + (20.0 * Math.Sin(1.7 * i));
        }

        return points;
    }

    /// <summary>Feeds the whole series once; returns the sum of the scores so that nothing is optimised away.</summary>
    public static double Feed(IAnomalyDetector detector, double[] values, DateTimeOffset[] times)
    {
        var sum = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += detector.Observe(times[i], values[i]);
        }

        return sum;
    }
}
