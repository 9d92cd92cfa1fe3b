using System.Text.Json.Serialization;
using MeshDemo.Load;

namespace MeshDemo.Reporting;

/// <summary>
/// The report of one run, and the JSON line of <c>--json</c>:
/// <c>{"scenario","balancer","requests","successRate","p50Ms","p99Ms","perInstance"}</c>. Later work adds keys; it never renames them.
/// </summary>
/// <param name="Scenario">The scenario name.</param>
/// <param name="Balancer">The balancer of the run.</param>
/// <param name="Requests">The requests that completed.</param>
/// <param name="SuccessRate">The successful fraction of them, 0 to 1.</param>
/// <param name="P50Ms">The median latency, in milliseconds.</param>
/// <param name="P99Ms">The 99th percentile latency, in milliseconds.</param>
/// <param name="PerInstance">The successful requests per instance id.</param>
/// <param name="Elapsed">How long the run took (tables only).</param>
internal sealed record RunReport(
    string Scenario,
    string Balancer,
    int Requests,
    double SuccessRate,
    double P50Ms,
    double P99Ms,
    IReadOnlyDictionary<string, long> PerInstance,
    [property: JsonIgnore] TimeSpan Elapsed)
{
    public static RunReport From(string scenario, string balancer, LoadResult result) => new(
        scenario,
        balancer,
        result.Completed,
        Math.Round(result.SuccessRate, 4),
        Math.Round(result.LatencyPercentileMs(50), 3),
        Math.Round(result.LatencyPercentileMs(99), 3),
        result.PerInstance,
        result.Elapsed);
}
