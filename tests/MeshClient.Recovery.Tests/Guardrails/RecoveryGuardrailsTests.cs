using MeshClient.Recovery.Tests.Fakes;

namespace MeshClient.Recovery.Tests.Guardrails;

public sealed class RecoveryGuardrailsTests
{
    [Fact]
    public void OnEvent_MaxConcurrentReached_SuppressesUntilAnActionEnds()
    {
        using var h = Harness(o => o.MaxConcurrentActions = 1);

        h.Publish("anomaly.detected", instance: "ratings-1");
        h.Publish("anomaly.detected", instance: "ratings-2");
        h.Executor.Started.Should().ContainSingle();
        h.Journal.Snapshot()[0].Reason.Should().Be("max-concurrent");

        h.Complete();
        h.Advance(TimeSpan.FromSeconds(1));

        h.Executor.Started.Should().HaveCount(2);
    }

    [Fact]
    public void OnEvent_MaxShareReached_TreatsAtMostTheShareOfInstances()
    {
        using var h = Harness(o => o.MaxInstanceSharePercent = 34);
        h.Environment.Instances["ratings"] = 10;

        for (var i = 0; i < 5; i++)
        {
            h.Publish("anomaly.detected", instance: $"ratings-{i}");
        }

        h.Executor.Started.Should().HaveCount(3);
        h.Journal.Snapshot().Count(e => e.Reason == "max-share").Should().Be(2);
    }

    [Fact]
    public void OnEvent_UnknownInstanceCount_StillTreatsOneInstance()
    {
        using var h = Harness();
        h.Environment.Instances.Clear();

        h.Publish("anomaly.detected", instance: "ratings-1");
        h.Publish("anomaly.detected", instance: "ratings-2");

        h.Executor.Started.Should().ContainSingle();
        h.Journal.Snapshot()[0].Reason.Should().Be("max-share");
    }

    [Fact]
    public void OnTick_RateLimitReached_WaitsForTheWindowToSlide()
    {
        using var h = Harness(o => o.MaxActionsPerWindow = 2);

        for (var i = 0; i < 3; i++)
        {
            h.Publish("anomaly.detected", instance: $"ratings-{i}");
        }

        h.Complete();
        h.Complete();
        h.Advance(TimeSpan.FromSeconds(59));
        h.Executor.Started.Should().HaveCount(2);

        h.Advance(TimeSpan.FromSeconds(1));
        h.Executor.Started.Should().HaveCount(3);
        h.Journal.Snapshot().Should().ContainSingle(e => e.Reason == "rate-limit");
    }

    [Fact]
    public void OnEvent_TwoPoliciesOnOneTarget_OnlyOneTreatsItAtATime()
    {
        var options = CoordinatorHarness.WithPolicy(p =>
        {
            p.On.Add("anomaly.detected");
            p.Actions.Add("eject");
        });
        var second = new RecoveryPolicyOptions();
        second.On.Add("resilience.circuit-opened");
        second.Actions.Add("eject");
        options.Policies["q"] = second;
        using var h = new CoordinatorHarness(options, new FakeRecoveryAction("eject", RecoveryScope.Peer, "ejected"));

        h.Publish("anomaly.detected");
        h.Publish("resilience.circuit-opened");

        h.Executor.Started.Should().ContainSingle();
        h.Journal.Snapshot()[0].Reason.Should().Be("target-busy");
    }

    private static CoordinatorHarness Harness(Action<RecoveryOptions> global)
    {
        var options = CoordinatorHarness.WithPolicy(
            p =>
            {
                p.On.Add("anomaly.detected");
                p.Actions.Add("eject");
            },
            o =>
            {
                o.MaxConcurrentActions = 100;
                o.MaxInstanceSharePercent = 100;
                global(o);
            });
        var harness = new CoordinatorHarness(options, new FakeRecoveryAction("eject", RecoveryScope.Peer, "ejected"));
        harness.Environment.Instances["ratings"] = 10;
        return harness;
    }

    private static CoordinatorHarness Harness() => Harness(o => o.MaxInstanceSharePercent = 34);
}
