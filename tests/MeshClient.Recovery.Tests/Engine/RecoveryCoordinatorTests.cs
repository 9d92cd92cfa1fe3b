using MeshClient.Events;
using MeshClient.Recovery.Tests.Fakes;

namespace MeshClient.Recovery.Tests.Engine;

public sealed class RecoveryCoordinatorTests
{
    private const string Detected = "anomaly.detected";
    private const string Cleared = "anomaly.cleared";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    [Fact]
    public void OnEvent_FlappingInsideCooldown_ActsOnce()
    {
        using var h = Harness();

        h.Publish(Detected);
        h.Complete();
        h.Publish(Cleared);
        for (var i = 0; i < 10; i++)
        {
            h.Advance(TimeSpan.FromSeconds(2));
            h.Publish(Detected);
            h.Advance(TimeSpan.FromSeconds(1));
            h.Publish(Cleared);
        }

        h.Executor.Started.Should().ContainSingle();
        h.Journal.Snapshot().Where(e => e.Event == "suppressed").Should().OnlyContain(e => e.Reason == "cooldown").And.HaveCount(10);
    }

    [Fact]
    public void OnEvent_AfterCooldown_ActsAgain()
    {
        using var h = Harness();
        h.Publish(Detected);
        h.Complete();
        h.Publish(Cleared);

        h.Advance(TimeSpan.FromSeconds(60));
        h.Publish(Detected);

        h.Executor.Started.Should().HaveCount(2);
    }

    [Fact]
    public void OnTick_ForNotElapsed_DoesNotActUntilItHas()
    {
        using var h = Harness(p => p.For = TimeSpan.FromSeconds(10));

        h.Publish(Detected);
        h.Advance(TimeSpan.FromSeconds(9));
        h.Executor.Started.Should().BeEmpty();

        h.Advance(TimeSpan.FromSeconds(1));
        h.Executor.Started.Should().ContainSingle();
        h.Events().Should().Equal("detected", "matched");
    }

    [Fact]
    public void OnEvent_ClearedBeforeFor_RecoversWithoutAction()
    {
        using var h = Harness(p => p.For = TimeSpan.FromSeconds(10));

        h.Publish(Detected);
        h.Advance(TimeSpan.FromSeconds(5));
        h.Publish(Cleared);
        h.Advance(TimeSpan.FromSeconds(30));

        h.Executor.Started.Should().BeEmpty();
        h.Journal.Snapshot()[0].Should().Match<RecoveryJournalEntry>(e => e.Event == "recovered" && e.Reason == "cleared before any action");
    }

    [Fact]
    public void OnTick_VerificationFails_EscalatesRungByRungAndStopsAtTheRungThatVerifies()
    {
        using var h = Harness();

        h.Publish(Detected);
        h.Complete();
        h.Advance(Window - TimeSpan.FromSeconds(1));
        h.Executor.Started.Should().ContainSingle("the first rung is still verifying");

        h.Advance(TimeSpan.FromSeconds(1));
        h.Executor.Started.Select(e => e.Action.Name).Should().Equal("eject", "drain");
        h.Complete();
        h.Advance(TimeSpan.FromSeconds(10));
        h.Publish(Cleared);
        h.Advance(TimeSpan.FromMinutes(5));

        h.Executor.Started.Select(e => e.Action.Name).Should().Equal("eject", "drain");
        h.Events().Should().Equal("detected", "matched", "ejected", "escalated", "drained", "verified", "recovered");
        h.Executor.Started.Select(e => e.Context.Rung).Should().Equal(0, 1);
        h.Journal.Snapshot().Single(e => e.Event == "escalated").Reason.Should().StartWith("eject -> drain");
    }

    [Fact]
    public void OnTick_LadderExhausted_PublishesRecoveryFailedAndActsNoMoreUntilCleared()
    {
        using var h = Harness();
        ExhaustLadder(h);

        h.Publish(Detected);
        h.Advance(TimeSpan.FromMinutes(10));
        h.Executor.Started.Should().HaveCount(3);
        var failed = h.Environment.Published.OfType<RecoveryFailedEvent>().Should().ContainSingle().Subject;
        failed.Kind.Should().Be("recovery.failed");
        failed.Severity.Should().Be(MeshEventSeverity.Critical);
        failed.LastAction.Should().Be("restart");
        h.Coordinator.Active.Should().ContainSingle().Which.State.Should().Be(RecoveryEpisodeState.Exhausted);

        h.Publish(Cleared);
        h.Publish(Detected);

        h.Executor.Started.Should().HaveCount(4);
        h.Executor.Started[^1].Action.Name.Should().Be("eject");
    }

    [Fact]
    public void Reset_ExhaustedTarget_RunsTheLadderAgain()
    {
        using var h = Harness();
        ExhaustLadder(h);

        h.Coordinator.Reset("ratings/other").Should().BeFalse();
        h.Coordinator.Reset("ratings/ratings-1").Should().BeTrue();

        h.Executor.Started.Should().HaveCount(4);
        h.Executor.Started[^1].Context.Rung.Should().Be(0);
        h.Executor.Started[^1].Context.IdempotencyKey.Should().NotBe(h.Executor.Started[0].Context.IdempotencyKey);
    }

    [Fact]
    public void OnActionCompleted_Failure_EscalatesAtOnce()
    {
        using var h = Harness();

        h.Publish(Detected);
        h.Complete(succeeded: false, detail: "registry said no");

        h.Executor.Started.Select(e => e.Action.Name).Should().Equal("eject", "drain");
        h.Journal.Snapshot().Single(e => e.Event == "escalated").Reason.Should().Contain("eject failed: registry said no");
        h.Environment.Published.OfType<RecoveryActionExecutedEvent>().Should().ContainSingle().Which.Succeeded.Should().BeFalse();
    }

    [Fact]
    public void OnEvent_DryRun_ExecutesNothingButJournalsAndCountsOnce()
    {
        using var h = Harness(global: o => o.DryRun = true);

        h.Publish(Detected);
        for (var i = 0; i < 20; i++)
        {
            h.Advance(TimeSpan.FromSeconds(1));
        }

        h.Executor.Started.Should().BeEmpty();
        h.Events().Should().Equal("detected", "suppressed");
        h.Journal.Snapshot()[0].Reason.Should().Be("dry-run");
        h.Decisions.GetMeasurementSnapshot().Should().ContainSingle(m => (string?)m.Tags["decision"] == "suppressed" && (string?)m.Tags["reason"] == "dry-run");
    }

    [Fact]
    public void OnTick_KillSwitchOffThenOn_SuppressesThenActs()
    {
        using var h = Harness(global: o => o.Enabled = false);

        h.Publish(Detected);
        h.Advance(TimeSpan.FromSeconds(5));
        h.Executor.Started.Should().BeEmpty();
        h.Journal.Snapshot().Should().ContainSingle(e => e.Event == "suppressed" && e.Reason == "kill-switch");

        h.Switches.Enabled = true;
        h.Advance(TimeSpan.FromSeconds(1));

        h.Executor.Started.Should().ContainSingle();
    }

    [Fact]
    public void OnEvent_ClearedWhileActing_VerifiesWhenTheActionSucceeds()
    {
        using var h = Harness();

        h.Publish(Detected);
        h.Publish(Cleared);
        h.Complete();

        h.Events().Should().Equal("detected", "matched", "ejected", "verified", "recovered");
        h.Coordinator.Active.Should().BeEmpty();
    }

    [Fact]
    public void OnEvent_SelfPolicy_TargetsThisProcess()
    {
        using var h = new CoordinatorHarness(
            CoordinatorHarness.WithPolicy(p =>
            {
                p.On.Add("readiness.failed");
                p.Instance = "self";
                p.Scope = RecoveryScope.Self;
                p.Actions.Add("drain");
            }),
            new FakeRecoveryAction("drain", RecoveryScope.Self, "drained"));

        h.Publish("readiness.failed", "reviews", "reviews-2", MeshEventSeverity.Critical);
        h.Publish("readiness.failed", "reviews", "reviews-1", MeshEventSeverity.Critical);

        var started = h.Executor.Started.Should().ContainSingle().Subject;
        started.Context.Target.Should().Be(new RecoveryTarget(RecoveryScope.Self, "reviews", null));
        h.Journal.Snapshot()[0].Target.Should().Be("self");
    }

    [Fact]
    public void OnEvent_SelfPolicyAndAProcessLevelEvent_TargetsThisProcess()
    {
        using var h = new CoordinatorHarness(
            CoordinatorHarness.WithPolicy(p =>
            {
                p.On.Add("registry.unreachable");
                p.Instance = "self";
                p.Scope = RecoveryScope.Self;
                p.Actions.Add("restore");
            }),
            new FakeRecoveryAction("restore", RecoveryScope.Self, "restored"));

        // Registry reachability (and probes before registration) name no service or instance: they are about this process.
        h.Publish("registry.unreachable", null, null, MeshEventSeverity.Critical);

        h.Executor.Started.Should().ContainSingle().Which.Context.Target.Scope.Should().Be(RecoveryScope.Self);
    }

    [Theory]
    [InlineData("*", "recovery.failed", false)]
    [InlineData("recovery.*", "recovery.failed", true)]
    [InlineData("recovery.failed", "recovery.failed", true)]
    [InlineData("anomaly.*", "anomaly.detected", true)]
    [InlineData("anomaly.detected", "anomaly.cleared", false)]
    public void OnEvent_KindPattern_MatchesOnlyWhatItNames(string pattern, string kind, bool acts)
    {
        using var h = Harness(p =>
        {
            p.On.Clear();
            p.On.Add(pattern);
            p.ClearedBy.Add("test.never");
        });

        h.Publish(kind, severity: MeshEventSeverity.Critical);

        h.Executor.Started.Should().HaveCount(acts ? 1 : 0);
    }

    [Fact]
    public void OnEvent_BelowMinSeverity_IsIgnored()
    {
        using var h = Harness();

        h.Publish(Detected, severity: MeshEventSeverity.Info);

        h.Journal.Snapshot().Should().BeEmpty();
    }

    private static void ExhaustLadder(CoordinatorHarness h)
    {
        h.Publish(Detected);
        h.Complete();
        h.Advance(Window);
        h.Complete();
        h.Advance(Window);
        h.Complete();
        h.Advance(Window);
        h.Events().Should().EndWith(["restarted", "failed"]);
    }

    private static CoordinatorHarness Harness(Action<RecoveryPolicyOptions>? policy = null, Action<RecoveryOptions>? global = null)
        => new(
            CoordinatorHarness.WithPolicy(
                p =>
                {
                    p.On.Add(Detected);
                    p.Actions.AddRange(["eject", "drain", "restart"]);
                    policy?.Invoke(p);
                },
                global),
            new FakeRecoveryAction("eject", RecoveryScope.Peer, "ejected"),
            new FakeRecoveryAction("drain", RecoveryScope.Any, "drained"),
            new FakeRecoveryAction("restart", RecoveryScope.Any, "restarted"));
}
