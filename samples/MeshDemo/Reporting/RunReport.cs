using System.Text.Json.Serialization;
using MeshDemo.Load;
using MeshDemo.Scenarios;

namespace MeshDemo.Reporting;

/// <summary>
/// The report of one run, and the JSON line of <c>--json</c>:
/// <c>{"scenario","balancer","requests","successRate","p50Ms","p99Ms","perInstance","retries","hedges","ejections",
/// "firstEjectionMs","serverRequests","default"}</c>, and after the anomaly phase of <c>fail-one</c> and <c>slow-one</c>
/// <c>"anomalyCheck"</c> and <c>"anomalies"</c> (left out elsewhere). Later work adds keys; it never renames them.
/// </summary>
/// <param name="Scenario">The scenario name.</param>
/// <param name="Balancer">The balancer of the run.</param>
/// <param name="Requests">The requests that completed.</param>
/// <param name="SuccessRate">The successful fraction of them, 0 to 1.</param>
/// <param name="P50Ms">The median latency, in milliseconds.</param>
/// <param name="P99Ms">The 99th percentile latency, in milliseconds.</param>
/// <param name="PerInstance">The successful requests per instance id.</param>
/// <param name="Retries">The retries the caller made (<c>mesh.client.retries</c>, result <c>retried</c>).</param>
/// <param name="Hedges">The hedged attempts the caller sent (<c>mesh.client.hedges</c>; 0 while core has no hedging).</param>
/// <param name="Ejections">The outlier ejections in the caller (<c>mesh.client.ejections</c>).</param>
/// <param name="FirstEjectionMs">Milliseconds from the start of the run to the first <c>InstanceEjectedEvent</c>, or <see langword="null"/> without one.</param>
/// <param name="ServerRequests">The requests the instances received, counted on the servers (retries included).</param>
/// <param name="Default">Whether the balancer is MeshClient's default (<c>Mesh:LoadBalancer</c>, PeakEwma).</param>
/// <param name="Elapsed">How long the run took (tables only).</param>
/// <param name="FirstEjected">The instance ejected first (tables only).</param>
internal sealed record RunReport(
    string Scenario,
    string Balancer,
    int Requests,
    double SuccessRate,
    double P50Ms,
    double P99Ms,
    IReadOnlyDictionary<string, long> PerInstance,
    long Retries,
    long Hedges,
    long Ejections,
    double? FirstEjectionMs,
    long ServerRequests,
    bool Default,
    [property: JsonIgnore] TimeSpan Elapsed,
    [property: JsonIgnore] string? FirstEjected)
{
    /// <summary>Gets the anomaly phase of the run, or <see langword="null"/> for runs without one (tables).</summary>
    [JsonIgnore]
    public AnomalyReport? AnomalyRun { get; init; }

    /// <summary>Gets the anomaly phase and its verdict (<c>"anomalyCheck"</c>), left out of runs without one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AnomalyCheck? AnomalyCheck => AnomalyRun?.Check;

    /// <summary>Gets each instance's anomalies (<c>"anomalies"</c>), left out of runs without an anomaly phase.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, InstanceAnomalies>? Anomalies => AnomalyRun?.Instances;

    public static RunReport From(string scenario, string balancer, LoadResult result, RunObservation observed) => new(
        scenario,
        balancer,
        result.Completed,
        Math.Round(result.SuccessRate, 4),
        Math.Round(result.LatencyPercentileMs(50), 3),
        Math.Round(result.LatencyPercentileMs(99), 3),
        result.PerInstance,
        observed.Retries,
        observed.Hedges,
        observed.Ejections,
        observed.FirstEjectionMs is { } ms ? Math.Round(ms, 1) : null,
        observed.ServerRequests,
        string.Equals(balancer, DefaultBalancer.Name, StringComparison.Ordinal),
        result.Elapsed,
        observed.FirstEjected);
}
