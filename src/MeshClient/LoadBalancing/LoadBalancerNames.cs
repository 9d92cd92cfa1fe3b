namespace MeshClient.LoadBalancing;

/// <summary>The names of the built-in balancers, as used in <c>Mesh:Services:{name}:LoadBalancer</c>.</summary>
public static class LoadBalancerNames
{
    /// <summary>Each instance in turn, from a random start.</summary>
    public const string RoundRobin = "RoundRobin";

    /// <summary>A uniformly random instance.</summary>
    public const string Random = "Random";

    /// <summary>Smooth weighted round robin, as nginx.</summary>
    public const string WeightedRoundRobin = "WeightedRoundRobin";

    /// <summary>The instance with the fewest requests in flight.</summary>
    public const string LeastRequests = "LeastRequests";

    /// <summary>The less loaded of two random instances.</summary>
    public const string PowerOfTwoChoices = "PowerOfTwoChoices";

    /// <summary>Two random choices on peak-EWMA latency times (in flight + 1), as Finagle and Linkerd. The default.</summary>
    public const string PeakEwma = "PeakEwma";

    /// <summary>A consistent-hash ring keyed by a request header or option.</summary>
    public const string ConsistentHash = "ConsistentHash";

    /// <summary>
    /// Gets the name of every built-in balancer, in the order of the constants above: the values accepted by
    /// <c>Mesh:LoadBalancer</c> and <c>Mesh:Services:{name}:LoadBalancer</c> without registering a balancer of your own.
    /// For menus, validation messages and tests that must cover every balancer.
    /// </summary>
    public static IReadOnlyList<string> All { get; } =
        [RoundRobin, Random, WeightedRoundRobin, LeastRequests, PowerOfTwoChoices, PeakEwma, ConsistentHash];
}
