using System.Diagnostics.Metrics;
using MeshClient.Events;
using MeshDemo.Cluster;
using MeshDemo.Hosting;
using MeshDemo.Load;
using MeshDemo.Observation;
using MeshDemo.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace MeshDemo.Scenarios;

/// <summary>
/// One reported run: the load through the caller, and beside it what the caller's mesh did (retries, hedges and
/// ejections from its meter, the first ejection from its event stream) and what the instances received (their counters).
/// </summary>
internal static class ObservedRun
{
    /// <summary>Runs the plan through the caller and observes it.</summary>
    /// <returns>The report, and the load's own result.</returns>
    public static async Task<(RunReport Report, LoadResult Result)> RunAsync(
        string scenario, string balancer, CallerHost caller, RatingsCluster cluster, LoadPlan plan, TimeProvider time, CancellationToken cancellationToken)
    {
        var services = caller.Services;
        using var meters = MeshMeterCounts.Start(services.GetRequiredService<IMeterFactory>());
        using var ejections = EjectionWatch.Start(services.GetRequiredService<IMeshEventStream>(), time);
        var servedBefore = cluster.Served;

        var runner = new LoadRunner(time, RatingsInstance.InstanceHeader);
        var result = await runner.RunAsync(caller.CreateClient(), plan, cluster.Instances.Select(i => i.InstanceId), cancellationToken);

        var first = ejections.FirstEjection();
        var observed = new RunObservation(
            meters.Retries, meters.HedgeCount, meters.Ejections, first?.Instance, first?.AfterMs, cluster.Served - servedBefore);
        return (RunReport.From(scenario, balancer, result, observed), result);
    }
}
