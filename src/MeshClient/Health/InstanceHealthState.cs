namespace MeshClient.Health;

/// <summary>The combined health of an instance as its service's balancer sees it; the first that applies, in this order.</summary>
public enum InstanceHealthState
{
    /// <summary>It takes its full share of traffic.</summary>
    Healthy,

    /// <summary>It takes traffic, with a share that ramps up (slow start).</summary>
    Warming,

    /// <summary>It answered 429 with <c>Retry-After</c> and takes no traffic until then.</summary>
    Penalized,

    /// <summary>Its circuit breaker is open.</summary>
    CircuitOpen,

    /// <summary>Outlier detection ejected it.</summary>
    Ejected,

    /// <summary>Active health checks fail.</summary>
    FailingChecks,

    /// <summary>The registry does not report it Up.</summary>
    Down,
}
