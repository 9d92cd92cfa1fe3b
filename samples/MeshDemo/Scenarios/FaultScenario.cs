using System.Globalization;
using MeshDemo.Anomalies;
using MeshDemo.Cluster;
using MeshDemo.Hosting;
using MeshDemo.Load;
using MeshDemo.Reporting;

namespace MeshDemo.Scenarios;

/// <summary>
/// A resilience scenario: <see cref="InstanceCount"/> equal <c>ratings</c> instances answering after <see cref="ServiceTime"/>,
/// one caller (MeshClient's default balancer unless <c>--balancer</c> names one), a warm-up, then the fault the scenario
/// arms and one reported run. The definitions are in <see cref="FaultScenarios"/>.
/// </summary>
/// <param name="name">The <c>--scenario</c> name.</param>
/// <param name="description">What goes wrong, for <c>--help</c> and the table header.</param>
/// <param name="expectsSuccess">Whether a run with no successful request is a failure (exit code 1); not for <c>all-down</c>.</param>
/// <param name="arm">Injects the fault after the warm-up; returns the plan to run (wrapped to act mid-run, or as is).</param>
/// <param name="watchAnomalies">
/// Whether an anomaly phase follows the reported run (<see cref="AnomalyPhase"/>): the same fault armed again, at a known
/// time, after healthy load, with the anomaly feed on; only for faults <paramref name="arm"/> injects at once.
/// </param>
internal sealed class FaultScenario(string name, string description, bool expectsSuccess, FaultScenario.Arm arm, bool watchAnomalies = false) : IDemoScenario
{
    public const int InstanceCount = 5;

    /// <summary>How many unreported requests each worker sends before the fault is armed.</summary>
    public const int WarmUpPerWorker = 4;

    /// <summary>Every instance answers after this fixed time, so that latency shows the faults, not noise.</summary>
    public static readonly TimeSpan ServiceTime = TimeSpan.FromMilliseconds(5);

    private static readonly int[] Weights = [.. Enumerable.Repeat(1, InstanceCount)];

    /// <summary>Injects a scenario's fault into the cluster, right before the reported run.</summary>
    /// <param name="cluster">The running instances; the last one is the one that misbehaves, unless all do.</param>
    /// <param name="time">The clock.</param>
    /// <param name="plan">The load about to run.</param>
    /// <returns>The plan to run.</returns>
    internal delegate LoadPlan Arm(RatingsCluster cluster, TimeProvider time, LoadPlan plan);

    public string Name => name;

    public string Description => description;

    public async Task<ScenarioResult> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var balancer = options.Balancer ?? DefaultBalancer.Name;
        await using var cluster = await RatingsCluster.StartAsync(context.Registry, Weights, ServiceTime, cancellationToken);
        Describe(context, cluster, balancer);

        // A null balancer configures none, so the caller runs MeshClient's own default.
        await using var caller = await CallerHost.StartAsync(context.Registry, options.Balancer, cancellationToken);
        var plan = new LoadPlan(options.Requests, options.Concurrency, options.TimeLimit, CreateRequest);
        var warmUp = plan with { Requests = Math.Min(options.Requests, WarmUpPerWorker * options.Concurrency) };
        await new LoadRunner(context.Time, RatingsInstance.InstanceHeader).RunAsync(
            caller.CreateClient(), warmUp, cluster.Instances.Select(i => i.InstanceId), cancellationToken);

        var (report, result) = await ObservedRun.RunAsync(Name, balancer, caller, cluster, arm(cluster, context.Time, plan), context.Time, cancellationToken);
        var failures = new List<string>();
        var misses = new List<string>();
        if (watchAnomalies && !options.SkipAnomalies)
        {
            context.Writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Anomaly phase: {options.AnomalyWarmupBuckets} healthy buckets of {AnomalyPhase.BucketInterval.TotalSeconds:0.#} s, then the fault, then {AnomalyPhase.FaultBuckets} more (about {(options.AnomalyWarmupBuckets + AnomalyPhase.FaultBuckets) * AnomalyPhase.BucketInterval.TotalSeconds:0} s)..."));
            var anomalies = await AnomalyPhase.RunAsync(context, cluster, c => arm(c, context.Time, plan), CreateRequest, cancellationToken);
            report = report with { AnomalyRun = anomalies };
            if (!anomalies.Check.Met)
            {
                misses.Add($"{Name}: the anomaly target was not met (see \"anomalyCheck\" and \"anomalies\").");
            }
        }

        context.Writer.Write(report);
        if (expectsSuccess && result.Succeeded == 0)
        {
            failures.Add($"{Name}: no request succeeded ({result.Completed} completed).");
        }
        else if (result.Completed < result.Planned)
        {
            await Console.Error.WriteLineAsync($"MeshDemo: {Name} stopped at the time limit after {result.Completed} of {result.Planned} requests.");
        }

        return new ScenarioResult([report], failures) { Misses = misses };
    }

    private static HttpRequestMessage CreateRequest(int i)
        => new(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"http://{RatingsCluster.ServiceName}/ratings/{i % 50}"));

    private void Describe(DemoContext context, RatingsCluster cluster, string balancer)
    {
        var options = context.Options;
        var which = string.Equals(balancer, DefaultBalancer.Name, StringComparison.Ordinal) ? " (MeshClient's default)" : string.Empty;
        context.Writer.WriteLine(string.Empty);
        context.Writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Scenario {Name}, registry {context.Registry.Name}: {options.Requests:N0} requests, {options.Concurrency} in flight, balancer {balancer}{which}."));
        context.Writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{InstanceCount} {RatingsCluster.ServiceName} instances on 127.0.0.1 (weight 1), each answering after {ServiceTime.TotalMilliseconds:0.#} ms; {Description}."));
        foreach (var instance in cluster.Instances)
        {
            context.Writer.SetWeight(instance.InstanceId, instance.Weight);
        }
    }
}
