using System.Globalization;
using MeshClient.Http;
using MeshClient.LoadBalancing;
using MeshDemo.Cluster;
using MeshDemo.Hosting;
using MeshDemo.Load;
using MeshDemo.Reporting;

namespace MeshDemo.Scenarios;

/// <summary>
/// Three <c>ratings</c> instances with weights 1/2/3 and the same bounded load through each balancer in turn, one fresh
/// caller per balancer. <c>ConsistentHash</c> requests carry a key drawn from <see cref="UserCount"/> user ids.
/// </summary>
internal sealed class BalancersScenario : IDemoScenario
{
    public const string ScenarioName = "balancers";

    /// <summary>How many distinct users the requests come from (the consistent-hash keys).</summary>
    public const int UserCount = 100;

    /// <summary>How many unreported requests each worker sends before a run.</summary>
    public const int WarmUpPerWorker = 4;

    /// <summary>Every built-in balancer, in the order the scenario runs them.</summary>
    public static IReadOnlyList<string> Balancers => LoadBalancerNames.All;

    public string Name => ScenarioName;

    public string Description => "three ratings instances (weights 1/2/3), the same load through every balancer in turn";

    public async Task<ScenarioResult> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        await using var cluster = await RatingsCluster.StartAsync(
            context.Registry, RatingsCluster.DefaultWeights, RatingsCluster.DefaultServiceTime, cancellationToken);
        Describe(context, cluster);

        var runner = new LoadRunner(context.Time, RatingsInstance.InstanceHeader);
        var instanceIds = cluster.Instances.Select(i => i.InstanceId).ToArray();
        var reports = new List<RunReport>();
        var failures = new List<string>();
        foreach (var balancer in options.Balancer is { } one ? [one] : Balancers)
        {
            await using var caller = await CallerHost.StartAsync(context.Registry, balancer, cancellationToken);
            var client = caller.CreateClient();
            var plan = new LoadPlan(options.Requests, options.Concurrency, options.TimeLimit, CreateRequestFor(balancer));

            // Warm-up, not reported: opens the connections and runs the code once, so the first balancer pays no more than the others.
            await runner.RunAsync(client, plan with { Requests = Math.Min(options.Requests, WarmUpPerWorker * options.Concurrency) }, instanceIds, cancellationToken);
            var (report, result) = await ObservedRun.RunAsync(Name, balancer, caller, cluster, plan, context.Time, cancellationToken);
            context.Writer.Write(report);
            reports.Add(report);
            if (result.Succeeded == 0)
            {
                failures.Add($"{balancer}: no request succeeded ({result.Completed} completed).");
            }
            else if (result.Completed < result.Planned)
            {
                await Console.Error.WriteLineAsync($"MeshDemo: {balancer} stopped at the time limit after {result.Completed} of {result.Planned} requests.");
            }
        }

        return new ScenarioResult(reports, failures);
    }

    private static void Describe(DemoContext context, RatingsCluster cluster)
    {
        var options = context.Options;
        var instances = string.Join(", ", cluster.Instances.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.InstanceId} (weight {i.Weight})")));
        context.Writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Scenario {ScenarioName}, registry {context.Registry.Name}: {options.Requests:N0} requests per balancer, {options.Concurrency} in flight."));
        context.Writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{RatingsCluster.ServiceName} on 127.0.0.1: {instances}; each answers after {RatingsCluster.DefaultServiceTime.TotalMilliseconds:0.#} ms."));
        foreach (var instance in cluster.Instances)
        {
            context.Writer.SetWeight(instance.InstanceId, instance.Weight);
        }
    }

    private static Func<int, HttpRequestMessage> CreateRequestFor(string balancer)
    {
        var hashed = string.Equals(balancer, LoadBalancerNames.ConsistentHash, StringComparison.Ordinal);
        return i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"http://{RatingsCluster.ServiceName}/ratings/{i % 50}"));
            if (hashed)
            {
                request.Options.Set(MeshRequestOptions.HashKey, string.Create(CultureInfo.InvariantCulture, $"user-{i % UserCount}"));
            }

            return request;
        };
    }
}
