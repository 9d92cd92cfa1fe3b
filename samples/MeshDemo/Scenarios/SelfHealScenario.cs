using System.Diagnostics.Metrics;
using System.Globalization;
using MeshClient;
using MeshClient.Events;
using MeshClient.LoadBalancing;
using MeshClient.Recovery;
using MeshDemo.Cluster;
using MeshDemo.Hosting;
using MeshDemo.Load;
using MeshDemo.Observation;
using MeshDemo.Reporting;
using MeshDemo.SelfHeal;
using Microsoft.Extensions.DependencyInjection;

namespace MeshDemo.Scenarios;

/// <summary>
/// Self-recovery from both viewpoints at once: three <c>ratings</c> instances, the third of which runs the anomaly feed on
/// the requests it serves and a self policy (<c>drain-self</c>, then a restart the demo performs); a caller with the
/// anomaly feed and a peer policy (<c>migrate</c>). After a healthy phase the third instance answers 503: the caller
/// ejects it, the instance drains itself and is restarted, comes back healthy, and the caller's anomaly clears.
/// </summary>
internal sealed class SelfHealScenario : IDemoScenario
{
    public const string ScenarioName = "self-heal";

    public const int InstanceCount = 3;

    /// <summary>The steady load through the caller, about 20 requests per instance and second.</summary>
    public const int RequestsPerSecond = 60;

    private const int Workers = 6;

    /// <summary>Every instance answers after this fixed time.</summary>
    public static readonly TimeSpan ServiceTime = TimeSpan.FromMilliseconds(5);

    /// <summary>Healthy load before the fault: past the feed's warm-up buckets.</summary>
    public static readonly TimeSpan HealthyPhase = TimeSpan.FromSeconds(6);

    /// <summary>How long the load runs on once the caller's episode has recovered.</summary>
    public static readonly TimeSpan AfterRecovery = TimeSpan.FromSeconds(3);

    /// <summary>The longest the scenario waits for the restart, and then for the caller's recovery, after the fault.</summary>
    public static readonly TimeSpan FaultLimit = TimeSpan.FromSeconds(45);

    /// <summary>
    /// The caller's balancer unless <c>--balancer</c> names one: RoundRobin, so that every instance gets its steady share
    /// and both viewpoints see the fault. At this light load PeakEwma, MeshClient's default, follows latency alone and may
    /// leave an instance whose first answers were slow (a cold start) nearly idle, and then neither side sees much of anything.
    /// </summary>
    public const string DefaultScenarioBalancer = LoadBalancerNames.RoundRobin;

    private static readonly TimeSpan RegistrationTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public string Name => ScenarioName;

    public string Description => "ratings-3 fails: the caller ejects it, it drains itself, is restarted and comes back (recovery journal)";

    public async Task<ScenarioResult> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var time = context.Time;
        var registry = context.Registry;
        var healthy = new List<RatingsInstance>();
        try
        {
            for (var i = 1; i < InstanceCount; i++)
            {
                healthy.Add(await RatingsInstance.StartAsync(registry, InstanceId(i), 1, ServiceTime, cancellationToken));
            }

            await using var healing = await HealingInstance.StartAsync(registry, InstanceId(InstanceCount), ServiceTime, time, cancellationToken);
            await registry.WaitForInstancesAsync(RatingsCluster.ServiceName, InstanceCount, RegistrationTimeout, cancellationToken);
            Describe(context, healing);
            return await RunAsync(context, healthy, healing, cancellationToken);
        }
        finally
        {
            foreach (var instance in healthy)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static HttpRequestMessage CreateRequest(int i)
        => new(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"http://{RatingsCluster.ServiceName}/ratings/{i % 50}"));

    private static string InstanceId(int i) => string.Create(CultureInfo.InvariantCulture, $"{RatingsCluster.ServiceName}-{i}");

    private async Task<ScenarioResult> RunAsync(DemoContext context, List<RatingsInstance> healthy, HealingInstance healing, CancellationToken cancellationToken)
    {
        var time = context.Time;
        var balancer = context.Options.Balancer ?? DefaultScenarioBalancer;
        var recorder = new OutcomeRecorder(time);
        await using var caller = await CallerHost.StartAsync(context.Registry, balancer, cancellationToken, mesh =>
        {
            mesh.Services.Configure<MeshOptions>(SelfHealSettings.ConfigureCallerHealth);
            mesh.Services.AddHttpClient(CallerHost.ClientName).AddHttpMessageHandler(recorder.CreateHandler);
            mesh.AddAnomalyDetection(SelfHealSettings.ConfigureAnomalies).AddRecovery(SelfHealSettings.ConfigureCallerRecovery);
        });
        var recovery = caller.Services.GetRequiredService<IRecoveryController>();
        using var meters = MeshMeterCounts.Start(caller.Services.GetRequiredService<IMeterFactory>());
        using var ejections = EjectionWatch.Start(caller.Services.GetRequiredService<IMeshEventStream>(), time);
        var servedBefore = healthy.Sum(i => i.Served) + healing.Served;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var running = new PacedLoad(time, Workers, RequestsPerSecond).RunAsync(caller.CreateClient(), CreateRequest, stop.Token);

        var failures = new List<string>();
        DateTimeOffset faultAt;
        DateTimeOffset? backAt = null;
        try
        {
            await Task.Delay(HealthyPhase, time, cancellationToken);
            faultAt = time.GetUtcNow();
            healing.Failing = true;
            context.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{faultAt:HH:mm:ss.fff} UTC: {healing.InstanceId} starts answering 503."));
            backAt = await WaitForComebackAsync(context, healing, faultAt, failures, cancellationToken);
            if (backAt is not null)
            {
                await WaitForRecoveryAsync(recovery, healing.InstanceId, faultAt + FaultLimit, time, cancellationToken);
                await Task.Delay(AfterRecovery, time, cancellationToken);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }

        var journal = JournalLine.Merge(recovery.GetJournal(), healing.Journal(), healing.InstanceId);
        var check = Check(journal, recorder.Outcomes, startedAt, faultAt, backAt, healing);
        new SelfHealOutput(Console.Out, context.Options.Json).Write(journal, check);
        if (!check.Passed)
        {
            failures.Add($"{Name}: the journal does not show detection -> ejection -> drain -> restart -> recovery in order: no '{check.Missing}' after the steps before it.");
        }

        var result = Summarize(recorder.Outcomes, healthy, healing, time.GetElapsedTime(started));
        var first = ejections.FirstEjection();
        var observed = new RunObservation(
            meters.Retries, meters.HedgeCount, meters.Ejections, first?.Instance, first?.AfterMs, healthy.Sum(i => i.Served) + healing.Served - servedBefore);
        var report = RunReport.From(Name, balancer, result, observed);
        context.Writer.Write(report);
        if (result.Succeeded == 0)
        {
            failures.Add($"{Name}: no request succeeded ({result.Completed} completed).");
        }

        return new ScenarioResult([report], failures);
    }

    /// <summary>Waits for the instance's restart and its registration; returns when it was listed again, or null (with a failure).</summary>
    private static async Task<DateTimeOffset?> WaitForComebackAsync(
        DemoContext context, HealingInstance healing, DateTimeOffset faultAt, List<string> failures, CancellationToken cancellationToken)
    {
        var time = context.Time;
        try
        {
            await healing.Restarted.WaitAsync(faultAt + FaultLimit - time.GetUtcNow(), time, cancellationToken);
            await context.Registry.WaitForInstancesAsync(RatingsCluster.ServiceName, InstanceCount, RegistrationTimeout, cancellationToken);
            var backAt = time.GetUtcNow();
            context.Writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"{backAt:HH:mm:ss.fff} UTC: {healing.InstanceId} restarted and registered Up again ({(backAt - faultAt).TotalSeconds:0.0} s after the fault)."));
            return backAt;
        }
        catch (TimeoutException ex)
        {
            failures.Add($"{ScenarioName}: {healing.InstanceId} did not come back: {ex.Message}");
            return null;
        }
    }

    /// <summary>Waits until the caller's episode on the instance has recovered, or the deadline.</summary>
    private static async Task WaitForRecoveryAsync(IRecoveryController recovery, string instanceId, DateTimeOffset deadline, TimeProvider time, CancellationToken cancellationToken)
    {
        var target = $"{RatingsCluster.ServiceName}/{instanceId}";
        while (time.GetUtcNow() < deadline && !recovery.GetJournal().Any(e => e.Event == "recovered" && e.Target == target))
        {
            await Task.Delay(Poll, time, cancellationToken);
        }
    }

    private static SelfHealCheck Check(
        IReadOnlyList<JournalLine> journal, IReadOnlyCollection<Outcome> outcomes, DateTimeOffset startedAt, DateTimeOffset faultAt, DateTimeOffset? backAt, HealingInstance healing)
    {
        var found = HealingSequence.Find(journal);
        var steps = found.Select(f => new SelfHealStep(f.Step, f.Line.Event, f.Line.Target, Math.Round((f.Line.Time - faultAt).TotalMilliseconds))).ToArray();
        var missing = found.Count < HealingSequence.Steps.Count ? HealingSequence.Steps[found.Count].Step : null;
        var phases = TrafficPhase.Cut(outcomes, startedAt, faultAt, backAt, healing.InstanceId);
        return new SelfHealCheck(missing is null, steps, missing, faultAt, healing.Restarts, phases);
    }

    private static LoadResult Summarize(IReadOnlyCollection<Outcome> outcomes, List<RatingsInstance> healthy, HealingInstance healing, TimeSpan elapsed)
    {
        var perInstance = healthy.Select(i => i.InstanceId).Append(healing.InstanceId).ToDictionary(id => id, _ => 0L, StringComparer.Ordinal);
        foreach (var outcome in outcomes.Where(static o => o.Succeeded && o.Instance is not null))
        {
            perInstance[outcome.Instance!] = perInstance.GetValueOrDefault(outcome.Instance!) + 1;
        }

        return new LoadResult(outcomes.Count, outcomes.Count(static o => o.Succeeded), [.. outcomes.Select(static o => o.LatencyMs)], perInstance, elapsed);
    }

    private void Describe(DemoContext context, HealingInstance healing)
    {
        var c = CultureInfo.InvariantCulture;
        context.Writer.WriteLine(string.Empty);
        context.Writer.WriteLine(string.Create(
            c, $"Scenario {Name}, registry {context.Registry.Name}: {InstanceCount} {RatingsCluster.ServiceName} instances on 127.0.0.1, each answering after {ServiceTime.TotalMilliseconds:0} ms; {RequestsPerSecond} requests/s through one caller, balancer {context.Options.Balancer ?? DefaultScenarioBalancer}."));
        context.Writer.WriteLine(string.Create(
            c, $"Caller: anomaly feed ({SelfHealSettings.BucketInterval.TotalSeconds:0} s buckets, error-rate rule > {SelfHealSettings.ErrorRateThreshold:0.##}), policy {SelfHealSettings.PeerPolicy}: anomaly.detected on {RatingsCluster.ServiceName} -> migrate (ejection {SelfHealSettings.BaseEjectionTime.TotalSeconds:0} s)."));
        context.Writer.WriteLine(string.Create(
            c, $"{healing.InstanceId}: inbound anomaly feed, policy {SelfHealSettings.SelfPolicy}: anomaly.detected on self for {SelfHealSettings.SelfFor.TotalSeconds:0} s -> drain-self -> restart (verification {SelfHealSettings.SelfVerificationWindow.TotalSeconds:0} s); the demo performs the restart."));
        context.Writer.WriteLine(string.Create(c, $"Healthy load for {HealthyPhase.TotalSeconds:0} s, then the fault..."));
        for (var i = 1; i <= InstanceCount; i++)
        {
            context.Writer.SetWeight(InstanceId(i), 1);
        }
    }
}
