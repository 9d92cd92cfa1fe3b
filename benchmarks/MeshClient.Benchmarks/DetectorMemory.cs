using System.Globalization;
using MeshClient.Anomaly;

namespace MeshClient.Benchmarks;

/// <summary>
/// Not a BenchmarkDotNet benchmark (<c>-- --detector-memory</c>): the memory one series costs with each detector. For
/// every kind, <c>N</c> instances are created with default options and each is warmed up on the 4,096 values of
/// <see cref="DetectorSeries"/> (so rings are full and the Isolation Forest has fitted at its largest); the retained
/// bytes per series are the <see cref="GC.GetTotalMemory(bool)"/> delta (after full collections) over <c>N</c>, object
/// headers and padding included. The allocated bytes per series (<see cref="GC.GetAllocatedBytesForCurrentThread"/>
/// around creation and warm-up) also count the transient option copies of the factories and any per-observation
/// allocation, which would show as a gap between the two columns.
/// </summary>
internal static class DetectorMemory
{
    public const string Switch = "--detector-memory";

    private static readonly (string Name, int Instances, Func<IAnomalyDetector> Create)[] Kinds =
    [
        ("Rules", 1000, () => AnomalyDetectors.CreateRules()),
        ("EwmaZScore", 1000, () => AnomalyDetectors.CreateEwmaZScore()),
        ("Likelihood", 200, () => AnomalyDetectors.CreateLikelihood()),
        ("MedianMad", 200, () => AnomalyDetectors.CreateMedianMad()),
        ("Cusum", 1000, () => AnomalyDetectors.CreateCusum()),
        ("PageHinkley", 1000, () => AnomalyDetectors.CreatePageHinkley()),
        ("Seasonal", 200, () => AnomalyDetectors.CreateSeasonal()),
        ("IsolationForest", 16, () => AnomalyDetectors.CreateIsolationForest()),
        ("Default (ensemble)", 200, AnomalyDetectors.CreateDefault),
        ("Ensemble, all six members", 16, () => AnomalyDetectors.CreateEnsemble(new EnsembleOptions { Members = DetectorBenchmarks.AllMembers })),
    ];

    public static async Task<int> RunAsync(TextWriter output)
    {
        var values = DetectorSeries.Values();
        var times = DetectorSeries.Timestamps();
        await output.WriteLineAsync("| detector | instances | retained B/series | allocated B/series (creation + 4,096 observations) |");
        await output.WriteLineAsync("|---|---:|---:|---:|");
        foreach (var (name, count, create) in Kinds)
        {
            var (retained, allocated) = Measure(count, create, values, times);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {count} | {retained:N0} | {allocated:N0} |"));
        }

        return 0;
    }

    private static (long Retained, long Allocated) Measure(int count, Func<IAnomalyDetector> create, double[] values, DateTimeOffset[] times)
    {
        // One throw-away instance first, so that JIT and static state are not charged to the series.
        DetectorSeries.Feed(create(), values, times);
        var detectors = new IAnomalyDetector[count];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < detectors.Length; i++)
        {
            detectors[i] = create();
            DetectorSeries.Feed(detectors[i], values, times);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(detectors);
        return ((after - before) / count, allocated / count);
    }
}
