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
}
