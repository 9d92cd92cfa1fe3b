using MeshClient.Events;
using MeshClient.Recovery.Tests.Fakes;

namespace MeshClient.Recovery.Tests.Engine;

/// <summary>
/// Property-based simulation: 10,000 random events over 50 instances of 3 services, actions completing or failing after
/// random delays, and the guardrails' invariants asserted after every step. The coordinator is driven synchronously.
/// </summary>
public sealed class RecoverySimulationTests
{
    private const int Steps = 10_000;
    private static readonly (string On, string Cleared)[] Kinds =
    [
        ("anomaly.detected", "anomaly.cleared"),
        ("health.instance-ejected", "health.instance-readmitted"),
        ("resilience.circuit-opened", "resilience.circuit-closed"),
    ];

    private static readonly (string Name, int Instances)[] Services = [("ratings", 17), ("reviews", 17), ("details", 16)];

    [Fact]
    public void Simulation_RandomEvents_NeverBreaksAGuardrail()
    {
        using var h = Harness(dryRun: false);
        var starts = new List<(DateTimeOffset Time, string Target, string Episode)>();

        Run(h, step =>
        {
            var options = h.Options;
            h.Coordinator.RunningActions.Should().BeLessThanOrEqualTo(options.MaxConcurrentActions, "step {0}", step);
            h.Executor.Running.Count.Should().BeLessThanOrEqualTo(options.MaxConcurrentActions, "step {0}", step);
            foreach (var execution in h.Executor.Started.Skip(starts.Count))
            {
                var now = h.Time.GetUtcNow();
                var target = execution.Context.Target.ToString();
                var key = execution.Context.IdempotencyKey;
                var episode = key[..key.LastIndexOf(':')];
                var previous = starts.LastOrDefault(s => s.Target == target);
                if (previous.Target is not null && previous.Episode != episode)
                {
                    (now - previous.Time).Should().BeGreaterThanOrEqualTo(options.Cooldown, "step {0}: a new episode on {1} must wait for the cooldown", step, target);
                }

                starts.Add((now, target, episode));
                starts.Count(s => s.Time > now - options.RateWindow).Should().BeLessThanOrEqualTo(options.MaxActionsPerWindow, "step {0}: rate limit", step);
            }

            foreach (var (service, instances) in Services)
            {
                var allowed = Math.Max(1, instances * options.MaxInstanceSharePercent / 100);
                h.Coordinator.Guardrails.TreatedInstances(service).Should().BeLessThanOrEqualTo(allowed, "step {0}: share of {1}", step, service);
                h.Executor.Running.Values.Where(e => e.Context.Target.ServiceName == service).Select(e => e.Context.Target.InstanceId).Distinct().Count()
                    .Should().BeLessThanOrEqualTo(allowed, "step {0}: share of {1}", step, service);
            }
        });

        h.Executor.Started.Should().HaveCountGreaterThan(100, "the simulation must exercise the engine");
        h.Environment.Published.OfType<RecoveryActionExecutedEvent>().Should().NotBeEmpty();
        h.Executor.Started.Should().Contain(e => e.Context.Rung > 0, "some episodes escalate");
    }

    [Fact]
    public void Simulation_DryRun_ExecutesNothing()
    {
        using var h = Harness(dryRun: true);

        Run(h, step => h.Executor.Started.Should().BeEmpty("step {0}", step));

        h.Journal.Snapshot().Should().Contain(e => e.Event == "suppressed" && e.Reason == "dry-run");
        h.Decisions.GetMeasurementSnapshot().Should().Contain(m => (string?)m.Tags["reason"] == "dry-run");
    }

    private static void Run(CoordinatorHarness h, Action<int> assertInvariants)
    {
        var random = new Random(12345);
        for (var step = 0; step < Steps; step++)
        {
            var roll = random.Next(100);
            var (service, instances) = Services[random.Next(Services.Length)];
            var instance = $"{service}-{random.Next(instances)}";
            var (on, cleared) = Kinds[random.Next(Kinds.Length)];
            if (roll < 40)
            {
                h.Coordinator.OnEvent(new ScriptedEvent(on, h.Time.GetUtcNow(), service, instance));
            }
            else if (roll < 70)
            {
                h.Coordinator.OnEvent(new ScriptedEvent(cleared, h.Time.GetUtcNow(), service, instance, MeshEventSeverity.Info));
            }
            else if (roll < 85 && h.Executor.Running.Count > 0)
            {
                var running = h.Executor.Running.Keys.Order().ElementAt(random.Next(h.Executor.Running.Count));
                h.Executor.Running.Remove(running);
                h.Coordinator.OnActionCompleted(running, random.Next(10) < 7 ? RecoveryActionResult.Success() : RecoveryActionResult.Failure("simulated"));
            }
            else
            {
                h.Time.Advance(TimeSpan.FromMilliseconds(random.Next(10_000)));
                h.Coordinator.OnTick();
            }

            assertInvariants(step);
        }
    }

    private static CoordinatorHarness Harness(bool dryRun)
    {
        var options = CoordinatorHarness.WithPolicy(
            p =>
            {
                p.On.AddRange(Kinds.Select(k => k.On));
                p.Actions.AddRange(["eject", "drain", "restart"]);
            },
            o => o.DryRun = dryRun);
        var h = new CoordinatorHarness(
            options,
            new FakeRecoveryAction("eject", RecoveryScope.Peer, "ejected"),
            new FakeRecoveryAction("drain", RecoveryScope.Any, "drained"),
            new FakeRecoveryAction("restart", RecoveryScope.Any, "restarted"));
        foreach (var (service, instances) in Services)
        {
            h.Environment.Instances[service] = instances;
        }

        return h;
    }
}
