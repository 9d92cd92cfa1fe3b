using MeshDemo.Cluster;
using MeshDemo.Cluster.Faults;

namespace MeshDemo.Scenarios;

/// <summary>The resilience scenarios: the same five instances, one fault each, in the order <c>--help</c> and <c>--scenario all</c> take them.</summary>
internal static class FaultScenarios
{
    /// <summary>How long the slow instance of <c>slow-one</c> takes to answer (ten times the service time).</summary>
    public static readonly TimeSpan SlowAnswer = TimeSpan.FromMilliseconds(50);

    /// <summary>How long each phase of <c>flap</c> lasts: healthy, then failing, then healthy, ...</summary>
    public static readonly TimeSpan FlapPeriod = TimeSpan.FromSeconds(1);

    public static IEnumerable<IDemoScenario> All { get; } =
    [
        new FaultScenario("healthy", "no fault: the baseline", expectsSuccess: true, static (_, _, plan) => plan),
        new FaultScenario("fail-one", "ratings-5 answers every request with 503", expectsSuccess: true, static (cluster, _, plan) =>
        {
            cluster.Instances[^1].Fault = InstanceFault.Failing;
            return plan;
        }, watchAnomalies: true),
        new FaultScenario("slow-one", "ratings-5 answers after 50 ms", expectsSuccess: true, static (cluster, _, plan) =>
        {
            cluster.Instances[^1].Fault = new SlowFault(SlowAnswer);
            return plan;
        }, watchAnomalies: true),
        new FaultScenario("flap", "ratings-5 flaps every second: healthy, then 503, then healthy again", expectsSuccess: true, static (cluster, time, plan) =>
        {
            cluster.Instances[^1].Fault = new FlappingFault(time, FlapPeriod);
            return plan;
        }),
        new FaultScenario(
            "crash-one",
            "ratings-5 stops listening halfway through the run (Kestrel stopped, still registered, as after a crash)",
            expectsSuccess: true,
            static (cluster, _, plan) => plan with { CreateRequest = MidRun.At(plan.Requests / 2, plan.CreateRequest, cluster.Instances[^1].StopListening) }),
        new FaultScenario("all-down", "every instance answers 503 (success near 0 is the expected outcome)", expectsSuccess: false, static (cluster, _, plan) =>
        {
            foreach (var instance in cluster.Instances)
            {
                instance.Fault = InstanceFault.Failing;
            }

            return plan;
        }),
    ];
}
