using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace MeshClient.Anomaly.Tests.Feed;

public class AnomalyFeedTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    [Fact]
    public void Record_64ConcurrentWritersWhileBucketsClose_CountsEveryOutcomeExactlyOnce()
    {
        const int Writers = 64, PerWriter = 20_000;
        // The fake clock runs far faster than the writers, so the idle expiry is set out of reach.
        using var harness = new FeedHarness(o => { o.BucketInterval = TimeSpan.FromSeconds(1); o.IdleExpiry = TimeSpan.FromDays(7); });
        var detectors = new ConcurrentDictionary<(SeriesKey, AnomalySeriesKind), RecordingDetector>();
        harness.Feed.DetectorFactory = (key, kind) => detectors.GetOrAdd((key, kind), _ => new RecordingDetector());
        using var start = new Barrier(Writers + 1);
        var writers = Enumerable.Range(0, Writers).Select(w => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerWriter; i++)
            {
                harness.Feed.Record("svc", "i" + (w % 4), null, failed: i % 10 == 0, Ms);
            }
        })).ToList();
        writers.ForEach(t => t.Start());
        start.SignalAndWait();

        // Buckets close while the writers run, so outcomes race every close.
        do
        {
            harness.Time.Advance(TimeSpan.FromSeconds(1));
        }
        while (writers.Any(t => t.IsAlive));

        writers.ForEach(t => t.Join());
        harness.Time.Advance(TimeSpan.FromSeconds(1));

        double Sum(string? instance, AnomalySeriesKind kind) => detectors[(new SeriesKey("svc", instance), kind)].Values.Sum(v => v.Value);
        var serviceRequests = Sum(null, AnomalySeriesKind.Throughput);
        serviceRequests.Should().Be(Writers * PerWriter);
        Enumerable.Range(0, 4).Sum(i => Sum("i" + i, AnomalySeriesKind.Throughput)).Should().Be(Writers * PerWriter);
        var errors = detectors[(new SeriesKey("svc", null), AnomalySeriesKind.ErrorRate)].Values
            .Zip(detectors[(new SeriesKey("svc", null), AnomalySeriesKind.Throughput)].Values.Where(v => v.Value > 0))
            .Sum(p => Math.Round(p.First.Value * p.Second.Value));
        errors.Should().Be(Writers * PerWriter / 10);
        harness.Feed.DroppedOutcomes.Should().Be(0);
    }

    [Fact]
    public void Record_64ConcurrentWritersPastMaxSeries_RecordedPlusDroppedIsEveryOutcome()
    {
        const int Writers = 64, PerWriter = 5_000;
        using var harness = new FeedHarness(o => { o.BucketInterval = TimeSpan.FromSeconds(1); o.MaxSeries = 3; });
        var detectors = new ConcurrentDictionary<(SeriesKey, AnomalySeriesKind), RecordingDetector>();
        harness.Feed.DetectorFactory = (key, kind) => detectors.GetOrAdd((key, kind), _ => new RecordingDetector());
        Parallel.For(0, Writers, new ParallelOptions { MaxDegreeOfParallelism = Writers }, w =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                harness.Feed.Record("svc", "i" + (w % 4), null, failed: false, Ms);
            }
        });

        harness.Time.Advance(TimeSpan.FromSeconds(1));

        var recorded = detectors.Where(d => d.Key.Item2 == AnomalySeriesKind.Throughput).Sum(d => d.Value.Values.Sum(v => v.Value));
        harness.Feed.SeriesCount.Should().Be(3);
        (recorded + harness.Feed.DroppedOutcomes).Should().Be(2 * Writers * PerWriter, "each outcome feeds the service and the instance series");
        harness.Feed.DroppedOutcomes.Should().Be(2 * Writers * PerWriter / 4, "two of the four instances found the cap full");
        harness.Feed.DroppedSeries.Should().Be(harness.Feed.DroppedOutcomes);
    }

    [Fact]
    public void CloseBucket_FakeClockAdvances_ClosesOnceEveryInterval()
    {
        using var harness = new FeedHarness();
        var throughput = new RecordingDetector();
        harness.Feed.DetectorFactory = (key, kind) => key.InstanceId is null && kind == AnomalySeriesKind.Throughput ? throughput : new RecordingDetector();
        for (var i = 0; i < 30; i++)
        {
            harness.Feed.Record("svc", "i1", null, false, Ms);
        }

        harness.Time.Advance(TimeSpan.FromSeconds(9.999));
        harness.Feed.BucketsClosed.Should().Be(0);
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        harness.Feed.BucketsClosed.Should().Be(1);
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        harness.Time.Advance(TimeSpan.FromSeconds(5));

        harness.Feed.BucketsClosed.Should().Be(3);
        throughput.Values.Select(v => v.Value).Should().Equal(3.0, 0, 0);
        throughput.Values.Select(v => v.Timestamp - harness.Time.Start).Should().Equal(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void CloseBucket_OneBucket_EmitsEverySeriesKindWithItsValue()
    {
        using var harness = new FeedHarness();
        var detectors = new ConcurrentDictionary<(SeriesKey, AnomalySeriesKind), RecordingDetector>();
        harness.Feed.DetectorFactory = (key, kind) => detectors.GetOrAdd((key, kind), _ => new RecordingDetector());
        var instance = harness.NewInstance("svc", "i1");
        for (var i = 0; i < 100; i++)
        {
            harness.Feed.Record("svc", "i1", instance, failed: i < 5, i == 99 ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromMilliseconds(10));
        }

        harness.Time.Advance(TimeSpan.FromSeconds(10));

        double Value(AnomalySeriesKind kind) => detectors[(new SeriesKey("svc", "i1"), kind)].Values.Single().Value;
        Value(AnomalySeriesKind.ErrorRate).Should().Be(0.05);
        Value(AnomalySeriesKind.Throughput).Should().Be(10);
        Value(AnomalySeriesKind.LatencyP99).Should().BeApproximately(10, 1.25, "the 99th of 100 values is a 10 ms one, within the histogram's 12.5 %");
        Value(AnomalySeriesKind.InFlight).Should().Be(0);
        detectors[(new SeriesKey("svc", null), AnomalySeriesKind.Throughput)].Values.Single().Value.Should().Be(10);
    }

    [Fact]
    public void CloseBucket_SeriesIdleForIdleExpiry_ExpiresIt()
    {
        using var harness = new FeedHarness(o => { o.BucketInterval = TimeSpan.FromSeconds(10); o.IdleExpiry = TimeSpan.FromSeconds(30); });
        harness.Feed.DetectorFactory = (_, _) => new RecordingDetector();
        harness.Feed.Record("svc", "i1", null, false, Ms);
        harness.Feed.Record("svc", "i2", null, false, Ms);
        harness.Feed.SeriesCount.Should().Be(3);

        harness.Time.Advance(TimeSpan.FromSeconds(10));
        harness.Feed.Record("svc", "i2", null, false, Ms);
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        harness.Feed.SeriesCount.Should().Be(2, "i1 saw no request for three buckets; svc and i2 one bucket less");

        harness.Time.Advance(TimeSpan.FromSeconds(10));
        harness.Feed.SeriesCount.Should().Be(0);
        harness.Feed.DroppedOutcomes.Should().Be(0);
        harness.Feed.Record("svc", "i1", null, false, Ms);
        harness.Feed.SeriesCount.Should().Be(2, "an expired series starts afresh");
    }

    [Fact]
    public void Record_PastMaxSeries_DropsNewSeriesAndCountsThem()
    {
        using var harness = new FeedHarness(o => o.MaxSeries = 2);

        harness.Feed.Record("svc", "i1", null, false, Ms);
        harness.Feed.Record("svc", "i2", null, false, Ms);
        harness.Feed.Record("svc", "i2", null, false, Ms);
        harness.Feed.Record("other", "o1", null, false, Ms);

        harness.Feed.SeriesCount.Should().Be(2);
        harness.Feed.DroppedSeries.Should().Be(4);
        harness.Feed.DroppedOutcomes.Should().Be(4);
    }

    [Fact]
    public void CloseBucket_ErrorSpike_RaisesDetectedThenClearsAfterClearAfterBuckets()
    {
        using var harness = new FeedHarness(
            null,
            ("Mesh:Anomaly:ClearAfterBuckets", "3"),
            ("Mesh:Anomaly:WarmupBuckets", "0"),
            ("Mesh:Anomaly:Detectors:ErrorRate:Detector", "rules"),
            ("Mesh:Anomaly:Detectors:ErrorRate:Rules:UpperThreshold", "0.2"),
            ("Mesh:Anomaly:Detectors:ErrorRate:Rules:Buckets", "1"),
            ("Mesh:Anomaly:Detectors:ErrorRate:Rules:SpatialTolerance", "-1"));
        var status = harness.Services.GetServices<MeshClient.Status.IMeshStatusContributor>().Single(c => c.Name == "anomalies");
        for (var i = 0; i < 5; i++)
        {
            harness.Bucket(100, 1, Ms);
        }

        harness.Bucket(100, 50, Ms);
        var detected = harness.DrainEvents().OfType<AnomalyDetectedEvent>().Where(e => e.InstanceId == "i1").Should().ContainSingle().Subject;
        detected.Series.Should().Be(AnomalySeriesKind.ErrorRate);
        detected.ServiceName.Should().Be("svc");
        detected.Value.Should().Be(0.5);
        detected.Score.Should().Be(1);
        detected.Detector.Should().Be("rules");
        detected.ExpectedLower.Should().BeNull();
        detected.Kind.Should().Be("anomaly.detected");
        Active(status).Should().HaveCount(2, "the service-wide and the instance series");

        harness.Bucket(100, 1, Ms);
        harness.Bucket(100, 1, Ms);
        harness.DrainEvents().Should().BeEmpty("two normal buckets are not yet three");
        harness.Bucket(100, 1, Ms);

        var cleared = harness.DrainEvents().OfType<AnomalyClearedEvent>().ToList();
        cleared.Select(e => e.InstanceId).Should().BeEquivalentTo(["i1", null]);
        cleared.Should().OnlyContain(e => e.Series == AnomalySeriesKind.ErrorRate && e.DetectedAt == detected.Timestamp && e.Value == 0.01);
        Active(status).Should().BeEmpty();
    }

    [Fact]
    public void CloseBucket_DefaultEnsembleErrorSpike_RaisesDetected()
    {
        using var harness = new FeedHarness(o => o.BucketInterval = TimeSpan.FromSeconds(1));
        for (var i = 0; i < 300; i++)
        {
            harness.Bucket(100, 1 + (i % 3), Ms);
        }

        harness.DrainEvents().OfType<AnomalyDetectedEvent>().Where(e => e.Series == AnomalySeriesKind.ErrorRate).Should().BeEmpty("the first 30 buckets are the warm-up and the rest repeat 1-3 %");
        harness.Bucket(100, 60, Ms);

        harness.DrainEvents().OfType<AnomalyDetectedEvent>().Should().Contain(e => e.Series == AnomalySeriesKind.ErrorRate && e.InstanceId == "i1" && e.Detector == "ensemble");
    }

    [Fact]
    public void CloseBucket_DetectorWithExpectedRange_PutsItOnTheEvents()
    {
        using var harness = new FeedHarness(o => { o.WarmupBuckets = 0; o.ClearAfterBuckets = 1; });
        harness.Feed.DetectorFactory = (key, kind) => kind == AnomalySeriesKind.ErrorRate && key.InstanceId is not null ? new RangeDetector(0, 0.1) : new RecordingDetector();

        harness.Bucket(10, 5, Ms);
        harness.Bucket(10, 0, Ms);

        var events = harness.DrainEvents();
        var detected = events.OfType<AnomalyDetectedEvent>().Should().ContainSingle().Subject;
        (detected.ExpectedLower, detected.ExpectedUpper, detected.Value, detected.Detector).Should().Be((0.0, 0.1, 0.5, "custom"));
        var cleared = events.OfType<AnomalyClearedEvent>().Should().ContainSingle().Subject;
        (cleared.ExpectedLower, cleared.ExpectedUpper, cleared.Value).Should().Be((0.0, 0.1, 0.0));
    }

    [Fact]
    public void OnRequestCompleted_SeriesExists_AllocatesNothing()
    {
        using var harness = new FeedHarness();
        var instance = harness.NewInstance("svc", "i1");
        var outcome = new MeshClient.Http.RequestOutcome("svc", instance, MeshClient.Http.RequestOutcomeKind.HttpError, 503, null, 0, 0, TimeSpan.FromMilliseconds(12));
        for (var i = 0; i < 100; i++)
        {
            harness.Feed.OnRequestCompleted(outcome);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            harness.Feed.OnRequestCompleted(outcome);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    [Fact]
    public void OnRequestCompleted_Canceled_IsNotRecorded()
    {
        using var harness = new FeedHarness();
        var outcome = new MeshClient.Http.RequestOutcome("svc", harness.NewInstance("svc", "i1"), MeshClient.Http.RequestOutcomeKind.Canceled, 0, null, 0, 0, Ms);

        harness.Feed.OnRequestCompleted(outcome);

        harness.Feed.SeriesCount.Should().Be(0);
    }

    private static IReadOnlyList<ActiveAnomaly> Active(MeshClient.Status.IMeshStatusContributor status) =>
        ((AnomalyStatus)status.GetStatusAsync(CancellationToken.None).AsTask().Result!).Active;
}
