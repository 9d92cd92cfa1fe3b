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

        var counts = Balancing.Picker(new PeakEwmaLoadBalancer(), states).CountPicks(1_000, Now());

        counts["fast"].Should().BeGreaterThanOrEqualTo(990, "the slow one only gets the probes, 1 in 256");
    }

    [Fact]
    public void Pick_OneSlowAmongFast_PicksTheSlowOneOnlyToProbeIt()
    {
        var states = Balancing.States(_time, "a", "slow", "b", "c");
        states[0].Observe(5);
        states[1].Observe(50);
        states[2].Observe(5);
        states[3].Observe(5);

        var counts = Balancing.Picker(new PeakEwmaLoadBalancer(), states).CountPicks(9_000, Now());

        counts.GetValueOrDefault("slow").Should().BeInRange(1, 45, "only probes reach it, at most 1 in 256 comparisons");
        counts.Values.Where(c => c > 2_000).Should().HaveCount(3);
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
        var states = Balancing.States(_time, "fast", "slower");
        states[0].Observe(5);
        states[1].Observe(8); // within the outlier ratio, so the loads count
        states[0].WithInFlight(20); // 5 * 21 = 105 > 8
        var picker = Balancing.Picker(new PeakEwmaLoadBalancer(), states);

        picker.PickId(Now()).Should().Be("slower");

        var now = _time.GetTimestamp();
        for (var i = 0; i < 20; i++)
        {
            states[0].OnRequestCompleted(now - Ticks(5), now, failed: false); // 5 * 1 = 5 < 8
        }

        picker.PickId(Now()).Should().Be("fast");
    }

    [Fact]
    public void Pick_OutlierAgainstALoadedInstance_StillLoses()
    {
        var states = Balancing.States(_time, "fast", "slow");
        states[0].Observe(5);
        states[1].Observe(50);
        states[0].WithInFlight(20); // 5 * 21 = 105 > 50, but 50 ms is 10 times 5 ms

        var counts = Balancing.Picker(new PeakEwmaLoadBalancer(), states).CountPicks(10_000, Now());

        counts["fast"].Should().BeGreaterThan(9_950);
    }

    [Fact]
    public void Pick_10xSlowerAmongFiveUnderLoad_GetsUnderHalfAPercent()
    {
        var simulation = new ClosedLoop(_time, Balancing.States(_time, "a", "b", "c", "d", "slow"), concurrency: 32);
        simulation.Rtt["slow"] = 80; // a fast instance holds about 7 requests; after a 12 ms peak 12 * 8 costs more than an idle 80 ms
        simulation.Run(2_000);

        var counts = simulation.Run(10_000);

        counts.GetValueOrDefault("slow").Should().BeLessThan(50, "under 0.5 % of 10,000 picks");
        counts.GetValueOrDefault("slow").Should().BeGreaterThan(0, "it is still probed");
    }

    [Fact]
    public void Pick_SlowInstanceFastAgain_ComesBackUnderLoad()
    {
        var simulation = new ClosedLoop(_time, Balancing.States(_time, "a", "b", "c", "d", "slow"), concurrency: 32);
        simulation.Rtt["slow"] = 80;
        simulation.Run(12_000);

        simulation.Rtt["slow"] = 8;
        simulation.Run(200_000); // 50 s at 4,000 requests per second: probes pull its estimate down, then it competes again
        var counts = simulation.Run(10_000);

        counts.GetValueOrDefault("slow").Should().BeGreaterThan(1_000, "a fair share is 2,000");
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

    /// <summary>
    /// A closed loop on fake time: <c>concurrency</c> workers, each sending its next request when its last one ends. A
    /// response takes its instance's time × a seeded jitter of 0.75-1.5, as on a real, loaded loopback.
    /// </summary>
    private sealed class ClosedLoop(FakeTimeProvider time, InstanceState[] states, int concurrency)
    {
#pragma warning disable CA5394 // A seeded jitter, not security.
        private readonly Random _jitter = new(Balancing.Seed);
#pragma warning restore CA5394
        private readonly PriorityQueue<(InstanceState State, long Start), long> _inFlight = new();
        private readonly InstancePicker _picker = Balancing.Picker(new PeakEwmaLoadBalancer(), states);

        /// <summary>Gets the response time of each instance in milliseconds (8 ms unless set).</summary>
        public Dictionary<string, double> Rtt { get; } = states.ToDictionary(s => s.Instance.InstanceId, _ => 8.0);

        public Dictionary<string, int> Run(int requests)
        {
            var counts = new Dictionary<string, int>();
            for (var i = 0; i < requests; i++)
            {
                if (_inFlight.Count == concurrency)
                {
                    _inFlight.TryDequeue(out var done, out var end);
                    var now = time.GetTimestamp();
                    if (end > now)
                    {
                        time.Advance(TimeSpan.FromSeconds((end - now) / (double)time.TimestampFrequency));
                    }

                    done.State.OnRequestCompleted(done.Start, time.GetTimestamp(), failed: false);
                }

                var start = time.GetTimestamp();
                var state = _picker.Pick(new PickContext(null, null, start))!;
                state.OnRequestStarted();
                var id = state.Instance.InstanceId;
                counts[id] = counts.GetValueOrDefault(id) + 1;
#pragma warning disable CA5394
                var rtt = Rtt[id] * (0.75 + (0.75 * _jitter.NextDouble()));
#pragma warning restore CA5394
                _inFlight.Enqueue((state, start), start + (long)(rtt * time.TimestampFrequency / 1000));
            }

            return counts;
        }
    }

    private long Ticks(double ms) => (long)(ms * _time.TimestampFrequency / 1000);
}
