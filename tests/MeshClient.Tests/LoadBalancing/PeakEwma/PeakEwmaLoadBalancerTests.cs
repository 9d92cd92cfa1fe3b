using MeshClient.LoadBalancing;
using MeshClient.LoadBalancing.PeakEwma;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.LoadBalancing.PeakEwma;

public sealed class PeakEwmaLoadBalancerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Pick_5MsAnd50MsInstances_PrefersTheFastOne()
    {
        var states = Balancing.States(_time, "slow", "fast");
        states[0].Observe(50);
        states[1].Observe(5);

        Balancing.Picker(new PeakEwmaLoadBalancer(), states).PickIds(1_000, Now()).Should().AllBe("fast");
    }

    [Fact]
    public void Pick_OneSlowAmongFast_NeverPicksTheSlowOne()
    {
        var states = Balancing.States(_time, "a", "slow", "b", "c");
        states[0].Observe(5);
        states[1].Observe(50);
        states[2].Observe(5);
        states[3].Observe(5);

        var counts = Balancing.Picker(new PeakEwmaLoadBalancer(), states).CountPicks(9_000, Now());

        counts.Should().NotContainKey("slow");
        counts.Values.Should().OnlyContain(c => c > 2_000);
    }

    [Fact]
    public void Pick_SlowInstanceIdleLongEnough_EligibleAgain()
    {
        var states = Balancing.States(_time, "slow", "fast");
        states[0].Observe(50);
        states[1].Observe(5);
        var picker = Balancing.Picker(new PeakEwmaLoadBalancer(), states);
        picker.PickId(Now()).Should().Be("fast");

        _time.Advance(TimeSpan.FromSeconds(30)); // 50 ms decays to 50 * e^-3 ≈ 2.5 ms while fast keeps answering in 5 ms
        states[1].Observe(5);

        picker.PickId(Now()).Should().Be("slow");
    }

    [Fact]
    public void Pick_ShorterDecay_SlowInstanceEligibleSooner()
    {
        var states = Balancing.States(_time, "slow", "fast");
        foreach (var state in states)
        {
            state.EwmaDecay = TimeSpan.FromSeconds(1);
        }

        states[0].Observe(50);
        states[1].Observe(5);
        var picker = Balancing.Picker(new PeakEwmaLoadBalancer(), states);

        _time.Advance(TimeSpan.FromSeconds(2));
        states[1].Observe(5);
        picker.PickId(Now()).Should().Be("fast", "50 * e^-2 ≈ 6.8 ms is still slower");

        _time.Advance(TimeSpan.FromSeconds(1));
        states[1].Observe(5);
        picker.PickId(Now()).Should().Be("slow", "50 * e^-3 ≈ 2.5 ms");
    }

    [Fact]
    public void Pick_InFlight_MultipliesTheCost()
    {
        var states = Balancing.States(_time, "fast", "slow");
        states[0].Observe(5);
        states[1].Observe(50);
        states[0].WithInFlight(20); // 5 * 21 = 105 > 50
        var picker = Balancing.Picker(new PeakEwmaLoadBalancer(), states);

        picker.PickId(Now()).Should().Be("slow");

        var now = _time.GetTimestamp();
        for (var i = 0; i < 15; i++)
        {
            states[0].OnRequestCompleted(now - Ticks(5), now, failed: false); // 5 * 6 = 30 < 50
        }

        picker.PickId(Now()).Should().Be("fast");
    }

    [Fact]
    public void Pick_Weight_DividesTheCost()
    {
        var states = Balancing.Weighted(_time, ("light", 1), ("heavy", 2));
        states[0].Observe(10);
        states[1].Observe(15); // 15 / 2 = 7.5 < 10

        Balancing.Picker(new PeakEwmaLoadBalancer(), states).PickIds(100, Now()).Should().AllBe("heavy");
    }

    [Fact]
    public void Pick_NoObservations_UsesDefaultRtt()
    {
        var states = Balancing.States(_time, "new", "observed");
        states[1].Observe(20);
        var picker = Balancing.Picker(new PeakEwmaLoadBalancer(), states);

        picker.PickId(Now()).Should().Be("observed", "20 ms beats the default 30 ms");

        states[0].DefaultRtt = TimeSpan.FromMilliseconds(10);
        picker.PickId(Now()).Should().Be("new", "10 ms beats 20 ms");
    }

    [Fact]
    public void Pick_NoObservationsAnywhere_SpreadsEvenly()
    {
        var picker = Balancing.Picker(new PeakEwmaLoadBalancer(), Balancing.States(_time, "a", "b", "c"));

        var counts = picker.CountPicks(9_000, Now());

        counts.Should().HaveCount(3).And.OnlyContain(pair => Math.Abs(pair.Value - 3_000) < 250);
    }

    private PickContext Now() => new(null, null, _time.GetTimestamp());

    private long Ticks(double ms) => (long)(ms * _time.TimestampFrequency / 1000);
}
