namespace MeshClient.Anomaly.Tests.Feed;

/// <summary>
/// The demo's anomaly phase on a fake clock: five instances of <c>ratings</c> share a steady 200 requests per 1 s bucket
/// unevenly (as PeakEwma does, 20-70 each), healthy latencies of 4-8 ms with a rare 30-60 ms stall, a rare healthy error;
/// now and then a healthy instance starved for a bucket (0-3 requests); <c>ratings-5</c> turns bad at a known bucket.
/// Deterministic for a seed.
/// </summary>
internal sealed class MeshSimulation(FeedHarness harness, int seed)
{
    public const string Service = "ratings";
    public const string Bad = "ratings-5";
    private const int RequestsPerBucket = 200;
    private readonly Random _random = new(seed);

    public static string[] Instances { get; } = ["ratings-1", "ratings-2", "ratings-3", "ratings-4", Bad];

    /// <summary>Detections per instance with the bucket they came in (1 = the first bucket after the fault, 0 or less before it).</summary>
    public List<(AnomalyDetectedEvent Event, int Bucket)> Detected { get; } = [];

    /// <summary>Runs <paramref name="healthy"/> buckets, then <paramref name="faulty"/> buckets with <paramref name="fault"/> on <c>ratings-5</c>.</summary>
    public MeshSimulation Run(int healthy, int faulty, SimulatedFault fault)
    {
        for (var b = 1 - healthy; b <= faulty; b++)
        {
            Bucket(b >= 1 ? fault : SimulatedFault.None, b);
        }

        return this;
    }

    private void Bucket(SimulatedFault fault, int bucket)
    {
        // The bad instance's share: all of it when healthy, a few probes when slow (the balancer avoids it), 5 failures then ejection when failing.
        var badRequests = fault switch
        {
            SimulatedFault.Failing => bucket == 1 ? 5 : 0,
            SimulatedFault.Slow => 6 + _random.Next(4),
            SimulatedFault.SlowAvoided => bucket == 1 ? 2 : bucket % 2,
            _ => -1,
        };

        // PeakEwma at times starves a healthy instance for a few buckets after a slow answer: 0-3 requests.
        var starved = bucket % 17 == 0 ? Instances[_random.Next(4)] : null;
        var weights = Instances.Select(i => i == Bad && badRequests >= 0 ? 0 : 0.4 + _random.NextDouble()).ToArray();
        var total = RequestsPerBucket - Math.Max(0, badRequests);
        for (var i = 0; i < Instances.Length; i++)
        {
            var id = Instances[i];
            var requests = id == Bad && badRequests >= 0 ? badRequests
                : id == starved ? _random.Next(4)
                : (int)Math.Round(total * weights[i] / weights.Sum());
            for (var r = 0; r < requests; r++)
            {
                var bad = id == Bad ? fault : SimulatedFault.None;
                var failed = bad == SimulatedFault.Failing || _random.NextDouble() < 0.002;
                var ms = bad is SimulatedFault.Slow or SimulatedFault.SlowAvoided ? 50 + (5 * _random.NextDouble())
                    : _random.NextDouble() < 0.003 ? 30 + (30 * _random.NextDouble())
                    : 4 + (4 * _random.NextDouble());
                harness.Feed.Record(Service, id, null, failed, TimeSpan.FromMilliseconds(ms));
            }
        }

        harness.Time.Advance(harness.Feed.BucketInterval);
        Detected.AddRange(harness.DrainEvents().OfType<AnomalyDetectedEvent>().Where(e => e.InstanceId is not null).Select(e => (e, bucket)));
    }
}

public enum SimulatedFault
{
    None,
    Failing,
    Slow,

    /// <summary>Slow, and the balancer stops sending to it after two requests (one request every other bucket after).</summary>
    SlowAvoided,
}
