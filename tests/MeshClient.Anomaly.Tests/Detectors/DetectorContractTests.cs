using System.Runtime.CompilerServices;

namespace MeshClient.Anomaly.Tests.Detectors;

public class DetectorContractTests
{
    [Theory]
    [MemberData(nameof(DetectorCases.Names), MemberType = typeof(DetectorCases))]
    public void Observe_AnySeries_ReturnsScoresInUnitInterval(string name)
    {
        var values = DetectorCases.Noisy(3000).Concat([1e9, -1e9, 0.0, double.MaxValue / 4, 5.0]).Concat(Enumerable.Repeat(7.0, 500)).ToArray();

        var scores = DetectorCases.ScoreAll(DetectorCases.Create(name), values);

        scores.Should().OnlyContain(static score => score >= 0.0 && score <= 1.0);
    }

    [Theory]
    [MemberData(nameof(DetectorCases.Names), MemberType = typeof(DetectorCases))]
    public void Observe_LaterValues_NeverChangeEarlierScores(string name)
    {
        var first = DetectorCases.Noisy(2000, seed: 3);
        var second = first.Take(1000).Concat(DetectorCases.Noisy(1000, seed: 4).Select(static v => v * 3)).ToArray();

        var a = DetectorCases.ScoreAll(DetectorCases.Create(name), first);
        var b = DetectorCases.ScoreAll(DetectorCases.Create(name), second);

        a.Take(1000).Should().Equal(b.Take(1000));
    }

    [Theory]
    [MemberData(nameof(DetectorCases.SpikeNames), MemberType = typeof(DetectorCases))]
    public void Observe_Spike_ScoresHigherThanEveryQuietObservation(string name)
    {
        var values = DetectorCases.Noisy(1500);
        values[1400] = 200.0;

        var scores = DetectorCases.ScoreAll(DetectorCases.Create(name), values);

        scores[1400].Should().BeGreaterThan(scores.Skip(500).Take(900).Max());
    }

    [Theory]
    [MemberData(nameof(DetectorCases.Names), MemberType = typeof(DetectorCases))]
    public void Observe_FlatLine_NeverScoresAboveOneHalf(string name)
    {
        var scores = DetectorCases.ScoreAll(DetectorCases.Create(name), Enumerable.Repeat(42.0, 3000).ToArray());

        scores.Should().OnlyContain(static score => score <= 0.5 + 1e-12);
    }

    [Theory]
    [MemberData(nameof(DetectorCases.Names), MemberType = typeof(DetectorCases))]
    public void Observe_MissingBucketsAndIrregularTimestamps_ScoresStayInUnitInterval(string name)
    {
        var random = new Random(9);
        var values = DetectorCases.Noisy(3000);
        var times = new List<DateTimeOffset>();
        var time = DetectorCases.Start;
        for (var i = 0; i < values.Length; i++)
        {
            time += i == 1500 ? TimeSpan.FromMinutes(-7) : TimeSpan.FromSeconds(random.Next(4) == 0 ? 0 : random.Next(60, 3600));
            times.Add(time);
        }

        var scores = SeriesShapes.ScoreAt(DetectorCases.Create(name), values, times);

        scores.Should().OnlyContain(static score => score >= 0.0 && score <= 1.0);
    }

    [Theory]
    [MemberData(nameof(DetectorCases.Names), MemberType = typeof(DetectorCases))]
    public void Observe_AfterConstruction_AllocatesNothing(string name)
    {
        var values = DetectorCases.Noisy(5000);
        DetectorCases.ScoreAll(DetectorCases.Create(name), values); // first calls initialise statics and JIT tiers

        // A per-observation allocation shows in every round; the runtime's one-off work (tiering, OSR) does not.
        var rounds = Enumerable.Range(0, 3).Select(_ => AllocatedWhileObserving(DetectorCases.Create(name), values)).ToList();

        rounds.Min().Should().Be(0);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long AllocatedWhileObserving(IAnomalyDetector detector, double[] values)
    {
        detector.Observe(DetectorCases.Start, values[0]);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i < values.Length; i++)
        {
            detector.Observe(DetectorCases.Start.AddMinutes(i), values[i]);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
