namespace MeshDemo.Reporting;

/// <summary>
/// The anomaly phase of a run and its verdict, the value of <c>"anomalyCheck"</c>: the default ensemble must raise an
/// anomaly for the faulty instance within <paramref name="TargetBuckets"/> buckets of the fault and none for the others.
/// </summary>
/// <param name="FaultyInstance">The instance the fault was injected into.</param>
/// <param name="BucketMs">The bucket interval of the feed, in milliseconds (<c>Mesh:Anomaly:BucketInterval</c>).</param>
/// <param name="WarmupBuckets">Buckets a series only learns from before it may raise (<c>Mesh:Anomaly:WarmupBuckets</c>).</param>
/// <param name="HealthyBuckets">Buckets of healthy load before the fault.</param>
/// <param name="FaultBuckets">Buckets of load after the fault.</param>
/// <param name="RequestsPerSecond">The steady load of the phase.</param>
/// <param name="TargetBuckets">The most buckets after the fault the first anomaly may take.</param>
/// <param name="Met">Whether the faulty instance was detected in time and no instance had a false alert.</param>
internal sealed record AnomalyCheck(
    string FaultyInstance, double BucketMs, int WarmupBuckets, int HealthyBuckets, int FaultBuckets, double RequestsPerSecond, int TargetBuckets, bool Met)
{
    /// <summary>Gets the balancer of the phase (<c>--anomaly-balancer</c>).</summary>
    public string Balancer { get; init; } = "RoundRobin";

    /// <summary>Gets the false alerts of every instance by series kind (<c>errorRate</c>, <c>latencyP99</c>, <c>throughput</c>, <c>inFlight</c>), to show where they come from.</summary>
    public IReadOnlyDictionary<string, int> FalseAlertsBySeries { get; init; } = new Dictionary<string, int>();
}

/// <summary>The anomaly phase as reported: the verdict and each instance's anomalies.</summary>
/// <param name="Check">The phase and its verdict.</param>
/// <param name="Instances">Each instance's anomalies, by instance id.</param>
internal sealed record AnomalyReport(AnomalyCheck Check, IReadOnlyDictionary<string, InstanceAnomalies> Instances);
