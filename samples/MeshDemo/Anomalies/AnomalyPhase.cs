using MeshClient.Anomaly;
using MeshClient.Events;
using MeshDemo.Cluster;
using MeshDemo.Hosting;
using MeshDemo.Load;
using MeshDemo.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeshDemo.Anomalies;

/// <summary>
/// The anomaly phase of <c>fail-one</c> and <c>slow-one</c>, after the reported run: every fault cleared, a fresh caller
/// with <c>AddAnomalyDetection</c> (the feed's defaults: the ensemble, the error-rate threshold and the peer checks, <see cref="BucketInterval"/> buckets), a steady
/// load (<see cref="DefaultRequestsPerSecond"/> by default) for the healthy buckets, then the scenario's fault armed at a known time and
/// <see cref="FaultBuckets"/> more buckets of the same load. What the feed raised is judged by <see cref="AnomalyVerdict"/>.
/// </summary>
internal static class AnomalyPhase
{
    /// <summary>One-second buckets, so that the phase fits in about a minute.</summary>
    public static readonly TimeSpan BucketInterval = TimeSpan.FromSeconds(1);

    /// <summary>The default healthy buckets before the fault (<c>--anomaly-warmup</c>): the feed's 30-bucket warm-up, after
    /// which the ensemble's instance alerts count (when peers confirm them), and 15 more buckets in which a false alert
    /// would show. The threshold and peer checks hold from the first bucket.</summary>
    public const int DefaultHealthyBuckets = 45;

    /// <summary>Buckets of load after the fault: the target's three and as many again, to see later false alerts.</summary>
    public const int FaultBuckets = 8;

    /// <summary>The most buckets after the fault the first anomaly of the faulty instance may take.</summary>
    public const int TargetBuckets = 3;

    /// <summary>The default steady load (<c>--anomaly-rps</c>): about 40 requests per instance and bucket.</summary>
    public const int DefaultRequestsPerSecond = 200;

    /// <summary>The default balancer of the phase (<c>--anomaly-balancer</c>).</summary>
    public const string DefaultBalancer = "RoundRobin";

    private const int Workers = 8;

    /// <summary>Runs the phase on the running cluster.</summary>
    /// <param name="context">Options, registry and clock.</param>
    /// <param name="cluster">The instances; their faults are cleared first.</param>
    /// <param name="injectFault">Arms the scenario's fault.</param>
    /// <param name="createRequest">Builds request <c>i</c>.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The verdict and each instance's anomalies.</returns>
    public static async Task<AnomalyReport> RunAsync(
        DemoContext context, RatingsCluster cluster, Action<RatingsCluster> injectFault, Func<int, HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        var time = context.Time;
        var healthyBuckets = context.Options.AnomalyWarmupBuckets;
        var rate = context.Options.AnomalyRequestsPerSecond;
        foreach (var instance in cluster.Instances)
        {
            instance.Fault = InstanceFault.None;
        }

        await using var caller = await CallerHost.StartAsync(
            context.Registry, context.Options.AnomalyBalancer, cancellationToken, static mesh => mesh.AddAnomalyDetection(static o => o.BucketInterval = BucketInterval));
        var warmupBuckets = caller.Services.GetRequiredService<IOptions<AnomalyOptions>>().Value.WarmupBuckets;
        using var watch = AnomalyWatch.Start(caller.Services.GetRequiredService<IMeshEventStream>(), RatingsCluster.ServiceName);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var load = new PacedLoad(time, Workers, rate).RunAsync(caller.CreateClient(), createRequest, stop.Token);

        await Task.Delay(BucketInterval * healthyBuckets, time, cancellationToken);
        var faultAt = time.GetUtcNow();
        injectFault(cluster);
        var faulty = cluster.Instances.Where(i => i.Fault != InstanceFault.None).Select(i => i.InstanceId).ToHashSet(StringComparer.Ordinal);

        // Half a bucket more, so that the last bucket's close is in.
        await Task.Delay(BucketInterval * (FaultBuckets + 0.5), time, cancellationToken);
        await stop.CancelAsync();
        await load;

        var check = new AnomalyCheck(
            string.Join(",", faulty.Order(StringComparer.Ordinal)), BucketInterval.TotalMilliseconds, warmupBuckets, healthyBuckets, FaultBuckets, rate, TargetBuckets, Met: false)
        {
            Balancer = context.Options.AnomalyBalancer,
        };
        return AnomalyVerdict.Judge(check, cluster.Instances.Select(i => i.InstanceId), faulty, watch.Detected(), faultAt);
    }
}
