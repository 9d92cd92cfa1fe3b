using MeshClient.LoadBalancing;
using MeshClient.LoadBalancing.RoundRobin;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.LoadBalancing.RoundRobin;

public sealed class RoundRobinLoadBalancerTests
{
    private readonly FakeTimeProvider _time = new();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(100)]
    public void Pick_KTimesNPicks_EveryInstanceExactlyKTimes(int k)
    {
        var picker = Balancing.Picker(new RoundRobinLoadBalancer(), Balancing.States(_time, "a", "b", "c", "d", "e"));

        var counts = picker.CountPicks(k * 5);

        counts.Should().HaveCount(5).And.OnlyContain(pair => pair.Value == k);
    }

    [Fact]
    public void Pick_FromTheStart_VisitsInstancesInOrderAsACycle()
    {
        var picker = Balancing.Picker(new RoundRobinLoadBalancer(), Balancing.States(_time, "a", "b", "c", "d"));

        var ids = picker.PickIds(12);

        var first = ids[0][0] - 'a';
        ids.Should().Equal(Enumerable.Range(0, 12).Select(i => ((char)('a' + ((first + i) % 4))).ToString()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Pick_First_StartsAtTheSeedDeterminedOffset(int seed)
    {
        var states = Balancing.States(_time, "a", "b", "c", "d", "e", "f", "g");
        var expected = states[MeshRandom.Create(seed).NextIndex(states.Length)].Instance.InstanceId;

        Balancing.Picker(new RoundRobinLoadBalancer(), states, seed: seed).PickId().Should().Be(expected);
    }

    [Fact]
    public void Pick_First_DiffersAcrossSeeds()
    {
        var states = Balancing.States(_time, "a", "b", "c", "d", "e", "f", "g");

        var firsts = Enumerable.Range(0, 20).Select(seed => Balancing.Picker(new RoundRobinLoadBalancer(), states, seed: seed).PickId()).Distinct();

        firsts.Should().HaveCountGreaterThan(1, "replicas of a caller must not start in lockstep");
    }

    [Fact]
    public void Pick_ParallelPicks_GiveExactlyEqualCounts()
    {
        const int Threads = 8;
        const int PicksPerThread = 10_000;
        var states = Balancing.States(_time, "a", "b", "c", "d", "e");
        var picker = Balancing.Picker(new RoundRobinLoadBalancer(), states);
        var counts = new int[Threads, states.Length];
        using var start = new Barrier(Threads);

        // Dedicated threads, not pool tasks: a barrier over more tasks than pool threads stalls until the pool grows.
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PicksPerThread; i++)
            {
                counts[t, Array.IndexOf(states, picker.Pick(default))]++;
            }
        })).ToArray();
        Array.ForEach(threads, thread => thread.Start());
        Array.ForEach(threads, thread => thread.Join());

        var totals = Enumerable.Range(0, states.Length).Select(s => Enumerable.Range(0, Threads).Sum(t => counts[t, s]));
        totals.Should().AllBeEquivalentTo(Threads * PicksPerThread / states.Length);
    }
}
