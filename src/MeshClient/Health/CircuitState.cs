namespace MeshClient.Health;

/// <summary>The state of an instance's circuit breaker.</summary>
public enum CircuitState
{
    /// <summary>Requests flow.</summary>
    Closed,

    /// <summary>Requests are rejected until the break is over.</summary>
    Open,

    /// <summary>The break is over; the next request is the trial that closes or opens it again.</summary>
    HalfOpen,
}
