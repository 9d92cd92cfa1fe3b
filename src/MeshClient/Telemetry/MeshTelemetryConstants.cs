namespace MeshClient.Telemetry;

/// <summary>Instrument names and tag keys of the <c>MeshClient</c> meter (documented in docs/metrics.md).</summary>
public static class MeshTelemetryConstants
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "MeshClient";

    /// <summary>Counter of requests sent through the mesh handler, by service, instance and outcome.</summary>
    public const string Requests = "mesh.client.requests";

    /// <summary>Histogram of request durations in seconds, by service, instance and outcome.</summary>
    public const string RequestDuration = "mesh.client.request.duration";

    /// <summary>Up-down counter of requests in flight, by service and instance.</summary>
    public const string RequestsInFlight = "mesh.client.requests.in_flight";

    /// <summary>Gauge of instances by service and state.</summary>
    public const string Instances = "mesh.client.instances";

    /// <summary>Counter of background discovery fetches by service and result.</summary>
    public const string DiscoveryRefreshes = "mesh.client.discovery.refreshes";

    /// <summary>Counter of retry decisions by service and result (<c>retried</c>, <c>budget_exhausted</c>).</summary>
    public const string Retries = "mesh.client.retries";

    /// <summary>Counter of outlier ejections by service, instance and reason (<c>consecutive_5xx</c>, <c>consecutive_gateway_failure</c>).</summary>
    public const string Ejections = "mesh.client.ejections";

    /// <summary>Counter of per-instance circuit breaker transitions by service, instance and state (<c>open</c>, <c>half_open</c>, <c>closed</c>).</summary>
    public const string CircuitTransitions = "mesh.client.circuit.transitions";

    /// <summary>Counter of times a service entered panic (below the panic threshold), by service.</summary>
    public const string Panic = "mesh.client.panic";

    /// <summary>Counter of hedged attempts started (after the hedging delay, or at once after a failed attempt), by service.</summary>
    public const string Hedges = "mesh.client.hedges";

    /// <summary>Tag key: the logical service name.</summary>
    public const string ServiceTag = "mesh.service";

    /// <summary>Tag key: the instance id.</summary>
    public const string InstanceTag = "mesh.instance";

    /// <summary>Tag key: the outcome of a request (<c>success</c>, <c>http_error</c>, <c>timeout</c>, <c>connection_error</c>, <c>canceled</c>, <c>error</c>, <c>no_instance</c>).</summary>
    public const string OutcomeTag = "mesh.outcome";

    /// <summary>Tag key: an instance state (<c>up</c>, <c>down</c>, <c>starting</c>, <c>out_of_service</c>, <c>unknown</c>, <c>eligible</c>).</summary>
    public const string StateTag = "mesh.state";

    /// <summary>Tag key: why an instance was ejected (<c>consecutive_5xx</c>, <c>consecutive_gateway_failure</c>).</summary>
    public const string ReasonTag = "mesh.reason";

    /// <summary>Tag key: the result of a discovery fetch (<c>changed</c>, <c>unchanged</c>, <c>not_found</c>, <c>failed</c>).</summary>
    public const string ResultTag = "mesh.result";
}
