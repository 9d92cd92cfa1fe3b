using MeshClient.Discovery;
using MeshClient.LoadBalancing;
using MeshClient.LoadBalancing.ConsistentHash;
using MeshClient.LoadBalancing.LeastRequests;
using MeshClient.LoadBalancing.PeakEwma;
using MeshClient.LoadBalancing.PowerOfTwoChoices;
using MeshClient.LoadBalancing.RandomPick;
using MeshClient.LoadBalancing.RoundRobin;
using MeshClient.LoadBalancing.WeightedRoundRobin;

namespace MeshClient.Tests.LoadBalancing;

/// <summary>Builds instance states and pickers for the balancer tests, and counts what pickers pick.</summary>
internal static class Balancing
{
    public const int Seed = 42;

    public static InstanceState State(TimeProvider time, string id, int weight = 1, string? zone = null, int port = 5001)
        => new(new ServiceInstance("svc", id, "http", "127.0.0.1", port) { Weight = weight, Zone = zone }, time);

    public static InstanceState[] States(TimeProvider time, params string[] ids)
        => [.. ids.Select((id, i) => State(time, id, port: 5001 + i))];

    public static InstanceState[] Weighted(TimeProvider time, params (string Id, int Weight)[] instances)
        => [.. instances.Select((x, i) => State(time, x.Id, x.Weight, port: 5001 + i))];

    /// <summary>Creates the built-in balancer named <paramref name="name"/> (one of <see cref="LoadBalancerNames"/>).</summary>
    public static ILoadBalancer Create(string name) => name switch
    {
        LoadBalancerNames.RoundRobin => new RoundRobinLoadBalancer(),
        LoadBalancerNames.Random => new RandomLoadBalancer(),
        LoadBalancerNames.WeightedRoundRobin => new WeightedRoundRobinLoadBalancer(),
        LoadBalancerNames.LeastRequests => new LeastRequestsLoadBalancer(),
        LoadBalancerNames.PowerOfTwoChoices => new PowerOfTwoChoicesLoadBalancer(),
        LoadBalancerNames.PeakEwma => new PeakEwmaLoadBalancer(),
        LoadBalancerNames.ConsistentHash => new ConsistentHashLoadBalancer(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public static InstancePicker Picker(ILoadBalancer balancer, IReadOnlyList<InstanceState> states, LoadBalancingOptions? options = null, int seed = Seed)
        => balancer.CreatePicker(new LoadBalancerContext("svc", states, options ?? new LoadBalancingOptions(), MeshRandom.Create(seed)));

    public static string PickId(this InstancePicker picker, PickContext context = default)
        => picker.Pick(context)?.Instance.InstanceId ?? throw new InvalidOperationException("The picker picked nothing.");

    public static string[] PickIds(this InstancePicker picker, int count, PickContext context = default)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = picker.PickId(context);
        }

        return ids;
    }

    public static Dictionary<string, int> CountPicks(this InstancePicker picker, int count, PickContext context = default)
        => picker.PickIds(count, context).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Starts <paramref name="count"/> requests on <paramref name="state"/> that stay in flight.</summary>
    public static InstanceState WithInFlight(this InstanceState state, int count)
    {
        for (var i = 0; i < count; i++)
        {
            state.OnRequestStarted();
        }

        return state;
    }

    /// <summary>Records one response of <paramref name="ms"/> milliseconds that ends now, without moving the clock.</summary>
    public static InstanceState Observe(this InstanceState state, double ms)
    {
        var end = state.TimeProvider.GetTimestamp();
        state.OnRequestStarted();
        state.OnRequestCompleted(end - (long)(ms * state.TimeProvider.TimestampFrequency / 1000), end, failed: false);
        return state;
    }
}
