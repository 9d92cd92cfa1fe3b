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
    [MemberData(nameof(DetectorCases.Names), MemberType = typeof(DetectorCases))]
    public void Observe_Spike_ScoresHigherThanEveryQuietObservation(string name)
    {
        var values = DetectorCases.Noisy(1500);
        values[1400] = 200.0;

        var scores = DetectorCases.ScoreAll(DetectorCases.Create(name), values);

        scores[1400].Should().BeGreaterThan(scores.Skip(500).Take(900).Max());
    }

    [Theory]
    [MemberData(nameof(DetectorCases.Names), MemberType = typeof(DetectorCases))]
    public void Observe_AfterConstruction_AllocatesNothing(string name)
    {
        var detector = DetectorCases.Create(name);
        var values = DetectorCases.Noisy(5000);
        detector.Observe(DetectorCases.Start, values[0]);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i < values.Length; i++)
        {
            detector.Observe(DetectorCases.Start.AddMinutes(i), values[i]);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }
}
