using BenchmarkDotNet.Attributes;
using MeshClient.Discovery;
using MeshClient.LoadBalancing;
using MeshClient.LoadBalancing.ConsistentHash;
using MeshClient.LoadBalancing.LeastRequests;
using MeshClient.LoadBalancing.PeakEwma;
using MeshClient.LoadBalancing.PowerOfTwoChoices;
using MeshClient.LoadBalancing.RandomPick;
using MeshClient.LoadBalancing.RoundRobin;
using MeshClient.LoadBalancing.WeightedRoundRobin;

namespace MeshClient.Benchmarks;

/// <summary>
/// The cost of one pick of every built-in balancer over 3, 100 and 1,000 instances. Pickers are built as the library
/// builds them; instances have weights 1-3 and a recorded latency, so weighted and EWMA paths run as in production.
/// </summary>
[MemoryDiagnoser]
public class PickBenchmarks
{
    private const string HashKey = "user-4711";

    private InstancePicker _roundRobin = InstancePicker.Empty;
    private InstancePicker _random = InstancePicker.Empty;
    private InstancePicker _weightedRoundRobin = InstancePicker.Empty;
    private InstancePicker _leastRequests = InstancePicker.Empty;
    private InstancePicker _powerOfTwoChoices = InstancePicker.Empty;
    private InstancePicker _peakEwma = InstancePicker.Empty;
    private InstancePicker _consistentHash = InstancePicker.Empty;
    private PickContext _context;
    private PickContext _hashContext;

    /// <summary>Gets or sets the number of eligible instances.</summary>
    [Params(3, 100, 1_000)]
    public int Instances { get; set; }

    /// <summary>Builds the instance states and one picker per balancer.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var time = TimeProvider.System;
        var states = new InstanceState[Instances];
        var now = time.GetTimestamp();
        for (var i = 0; i < states.Length; i++)
        {
            var instance = new ServiceInstance("svc", $"svc-{i}", "http", "10.0." + (i / 250) + "." + (i % 250), 8080) { Weight = (i % 3) + 1 };
            states[i] = new InstanceState(instance, time);

            // One completed request each (2-12 ms) so that PeakEwma decays a real EWMA, and a few in flight.
            states[i].OnRequestCompleted(now - (time.TimestampFrequency * (2 + (i % 11)) / 1000), now, failed: false);
            for (var k = 0; k < i % 4; k++)
            {
                states[i].OnRequestStarted();
            }
        }

        _roundRobin = Create(new RoundRobinLoadBalancer(), states);
        _random = Create(new RandomLoadBalancer(), states);
        _weightedRoundRobin = Create(new WeightedRoundRobinLoadBalancer(), states);
        _leastRequests = Create(new LeastRequestsLoadBalancer(), states);
        _powerOfTwoChoices = Create(new PowerOfTwoChoicesLoadBalancer(), states);
        _peakEwma = Create(new PeakEwmaLoadBalancer(), states);
        _consistentHash = Create(new ConsistentHashLoadBalancer(), states);

        // A pick a second after the last response: the EWMA decay (Math.Exp) runs on every estimate.
        var pickTime = now + time.TimestampFrequency;
        _context = new PickContext(null, null, pickTime);
        _hashContext = new PickContext(null, HashKey, pickTime);
    }

    /// <summary>Round robin.</summary>
    /// <returns>The picked instance.</returns>
    [Benchmark]
    public InstanceState? RoundRobin() => _roundRobin.Pick(in _context);

    /// <summary>Uniformly random.</summary>
    /// <returns>The picked instance.</returns>
    [Benchmark]
    public InstanceState? Random() => _random.Pick(in _context);

    /// <summary>Smooth weighted round robin.</summary>
    /// <returns>The picked instance.</returns>
    [Benchmark]
    public InstanceState? WeightedRoundRobin() => _weightedRoundRobin.Pick(in _context);

    /// <summary>Least requests (a full scan).</summary>
    /// <returns>The picked instance.</returns>
    [Benchmark]
    public InstanceState? LeastRequests() => _leastRequests.Pick(in _context);

    /// <summary>Power of two choices on requests in flight.</summary>
    /// <returns>The picked instance.</returns>
    [Benchmark]
    public InstanceState? PowerOfTwoChoices() => _powerOfTwoChoices.Pick(in _context);

    /// <summary>Power of two choices on peak-EWMA latency (the default balancer).</summary>
    /// <returns>The picked instance.</returns>
    [Benchmark]
    public InstanceState? PeakEwma() => _peakEwma.Pick(in _context);

    /// <summary>Consistent hash with a fixed <see cref="PickContext.HashKey"/>.</summary>
    /// <returns>The picked instance.</returns>
    [Benchmark]
    public InstanceState? ConsistentHash() => _consistentHash.Pick(in _hashContext);

    private static InstancePicker Create(ILoadBalancer balancer, InstanceState[] states)
        => balancer.CreatePicker(new LoadBalancerContext("svc", states, new LoadBalancingOptions(), MeshRandom.Shared));
}
