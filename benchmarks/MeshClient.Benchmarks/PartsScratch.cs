using BenchmarkDotNet.Attributes;
using MeshClient.Discovery;
using MeshClient.Http;
using MeshClient.LoadBalancing;

namespace MeshClient.Benchmarks;

[MemoryDiagnoser]
public class PartsScratch
{
    private readonly ServiceInstance _instance = new("ratings", "a", "http", "127.0.0.1", 5001);
    private InstanceState _state = null!;
    private readonly string _address = "http://ratings/api/x";
    private long _t;

    [GlobalSetup]
    public void Setup()
    {
        _state = new InstanceState(_instance, TimeProvider.System);
        _t = TimeProvider.System.GetTimestamp();
    }

    [Benchmark] public long Timestamp() => TimeProvider.System.GetTimestamp();
    [Benchmark] public bool Split() => ServiceUri.TrySplit(_address, out _, out _, out _);
    [Benchmark] public Uri Combine() => ServiceUri.Combine(_instance, _address.AsSpan(14));
    [Benchmark] public void Completed() { _state.OnRequestStarted(); _state.OnRequestCompleted(_t, _t + 1000, false); }
    [Benchmark] public double Estimate() => _state.GetLatencyEstimateMs(_t + 100000);
}
