namespace MeshClient.Anomaly.Tests.Feed;

/// <summary>The end-to-end target on the feed's defaults, with the demo's situation simulated on a fake clock.</summary>
public class PeerFeedTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(SimulatedFault.Failing, 45, 1)]
    [InlineData(SimulatedFault.Failing, 45, 2)]
    [InlineData(SimulatedFault.Failing, 400, 3)]
    [InlineData(SimulatedFault.Slow, 45, 1)]
    [InlineData(SimulatedFault.Slow, 45, 2)]
    [InlineData(SimulatedFault.Slow, 400, 3)]
    [InlineData(SimulatedFault.SlowAvoided, 45, 1)]
    [InlineData(SimulatedFault.SlowAvoided, 45, 2)]
    [InlineData(SimulatedFault.SlowAvoided, 400, 3)]
    public void CloseBucket_OneInstanceTurnsBadWhileLoadShifts_DetectsItWithin3BucketsAndNothingElse(SimulatedFault fault, int healthy, int seed)
    {
        using var harness = new FeedHarness(o => o.BucketInterval = Second);

        var run = new MeshSimulation(harness, seed).Run(healthy, faulty: 8, fault);

        run.Detected.Where(d => d.Event.InstanceId != MeshSimulation.Bad).Select(Describe).Should().BeEmpty("healthy instances are judged against their peers, and their load is the balancer's");
        run.Detected.Where(d => d.Event.InstanceId == MeshSimulation.Bad && d.Bucket < 1).Select(Describe).Should().BeEmpty();
        var first = run.Detected.Where(d => d.Event.InstanceId == MeshSimulation.Bad).Should().NotBeEmpty().And.Subject.First();
        first.Bucket.Should().BeInRange(1, 3);
        first.Event.Series.Should().Be(fault == SimulatedFault.Failing ? AnomalySeriesKind.ErrorRate : AnomalySeriesKind.LatencyP99);
    }

    [Fact]
    public void CloseBucket_FailingInstanceEjectedAfterOneBucket_PeersRaiseItAtOnceWithTheirLimit()
    {
        using var harness = new FeedHarness(o => o.BucketInterval = Second);

        var run = new MeshSimulation(harness, 4).Run(5, faulty: 3, SimulatedFault.Failing);

        var detected = run.Detected.Should().ContainSingle().Subject;
        detected.Bucket.Should().Be(1, "the peer check needs no warm-up and one glaring bucket");
        detected.Event.Detector.Should().Be("peers");
        detected.Event.Value.Should().Be(1);
        detected.Event.ExpectedUpper.Should().Be(0.5, "the peers' median 0 plus MinExcess");
    }

    [Fact]
    public void CloseBucket_SameStallOnEveryInstance_IsNoInstanceAnomaly()
    {
        using var harness = new FeedHarness(o => o.BucketInterval = Second);
        for (var b = 0; b < 40; b++)
        {
            var ms = b is 35 or 36 or 37 ? 400 : 5 + (b % 3);
            foreach (var id in MeshSimulation.Instances)
            {
                for (var r = 0; r < 20; r++)
                {
                    harness.Feed.Record("svc", id, null, false, TimeSpan.FromMilliseconds(ms));
                }
            }

            harness.Time.Advance(Second);
        }

        var detected = harness.DrainEvents().OfType<AnomalyDetectedEvent>().ToList();
        detected.Should().NotContain(e => e.InstanceId != null, "what slows every instance is not one instance's fault");
        detected.Should().Contain(e => e.InstanceId == null && e.Series == AnomalySeriesKind.LatencyP99, "the service-wide series still sees it");
    }

    [Fact]
    public void CloseBucket_ErrorRateAboveThresholdForTwoBuckets_RaisesFromTheFirstBuckets()
    {
        using var harness = new FeedHarness(o => o.BucketInterval = Second);
        harness.Bucket(20, 4, TimeSpan.FromMilliseconds(5));
        harness.DrainEvents().OfType<AnomalyDetectedEvent>().Should().BeEmpty("one bucket is not two");

        harness.Bucket(20, 4, TimeSpan.FromMilliseconds(5));

        var detected = harness.DrainEvents().OfType<AnomalyDetectedEvent>().Where(e => e.Series == AnomalySeriesKind.ErrorRate).ToList();
        detected.Select(e => e.InstanceId).Should().BeEquivalentTo([null, "i1"], "the threshold needs no warm-up");
        detected.Should().OnlyContain(e => e.Detector == "threshold" && e.Value == 0.2 && e.ExpectedUpper == 0.05);
    }

    [Fact]
    public void CloseBucket_ErrorRateAboveThresholdInSmallBuckets_DoesNotRaise()
    {
        using var harness = new FeedHarness(o => o.BucketInterval = Second);
        for (var i = 0; i < 10; i++)
        {
            harness.Bucket(4, 1, TimeSpan.FromMilliseconds(5));
        }

        harness.DrainEvents().OfType<AnomalyDetectedEvent>().Should().BeEmpty("25 % of 4 requests is below the threshold's 10 requests");
    }

    [Fact]
    public void CloseBucket_SpatialAlertsDuringWarmup_DoNotSilenceTheFirstIncidentAfterIt()
    {
        // Cold first buckets widen the ensemble's seen range, so its spatial rule alerts inside the warm-up; in the detector
        // that started a 100-observation cool-down that hid the incident at bucket 40.
        using var harness = new FeedHarness(o => o.BucketInterval = Second);
        for (var b = 0; b < 40; b++)
        {
            var ms = b switch { 0 => 2, 1 => 4, 2 => 8, 3 => 12, _ => 5 + (b % 3) };
            harness.Bucket(20, 0, TimeSpan.FromMilliseconds(ms));
        }

        harness.DrainEvents().OfType<AnomalyDetectedEvent>().Should().BeEmpty();
        harness.Bucket(20, 0, TimeSpan.FromMilliseconds(300));

        harness.DrainEvents().OfType<AnomalyDetectedEvent>().Should().Contain(e => e.Series == AnomalySeriesKind.LatencyP99 && e.Detector == "ensemble" && e.InstanceId == null);
    }

    [Fact]
    public void CloseBucket_PeerAnomalyThenTooFewRequests_NeitherClearsNorRaisesAgain()
    {
        using var harness = new FeedHarness(o => o.BucketInterval = Second);
        Slow(requestsOfI5: 10);
        var detected = harness.DrainEvents().OfType<AnomalyDetectedEvent>().Should().ContainSingle().Subject;
        (detected.InstanceId, detected.Series, detected.Detector).Should().Be(("i5", AnomalySeriesKind.LatencyP99, "peers"));

        for (var b = 0; b < 5; b++)
        {
            Slow(requestsOfI5: 1);
        }

        harness.DrainEvents().Should().BeEmpty("a bucket of one request says nothing about the instance");
        for (var b = 0; b < 3; b++)
        {
            Slow(requestsOfI5: 10, ms: 5);
        }

        harness.DrainEvents().OfType<AnomalyClearedEvent>().Should().ContainSingle(e => e.InstanceId == "i5" && e.Detector == "peers");

        void Slow(int requestsOfI5, double ms = 60)
        {
            foreach (var id in MeshSimulation.Instances.Take(4).Select(i => i.Replace("ratings-", "i", StringComparison.Ordinal)).Append("i5"))
            {
                var slow = id == "i5";
                for (var r = 0; r < (slow ? requestsOfI5 : 30); r++)
                {
                    harness.Feed.Record("svc", id, null, false, TimeSpan.FromMilliseconds(slow ? ms : 5));
                }
            }

            harness.Time.Advance(Second);
        }
    }

    private static string Describe((AnomalyDetectedEvent Event, int Bucket) d) =>
        $"{d.Event.InstanceId} {d.Event.Series} bucket {d.Bucket} value {d.Event.Value:0.###} by {d.Event.Detector}";
}
