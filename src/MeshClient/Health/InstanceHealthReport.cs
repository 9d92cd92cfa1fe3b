namespace MeshClient.Health;

/// <summary>A read-only view of an instance's health at one moment, for status pages (see <see cref="LoadBalancing.InstanceState.GetHealthReport"/>).</summary>
public sealed class InstanceHealthReport
{
    /// <summary>Gets the combined health.</summary>
    public required InstanceHealthState Health { get; init; }

    /// <summary>Gets a value indicating whether outlier detection ejected the instance.</summary>
    public required bool Ejected { get; init; }

    /// <summary>Gets when the ejection ends (UTC), or <see langword="null"/> when not ejected.</summary>
    public DateTimeOffset? EjectedUntil { get; init; }

    /// <summary>Gets when the 429 penalty ends (UTC), or <see langword="null"/> when not penalised.</summary>
    public DateTimeOffset? PenalizedUntil { get; init; }

    /// <summary>Gets the state of the instance's circuit breaker.</summary>
    public required CircuitState Circuit { get; init; }

    /// <summary>Gets the share of its weight the instance takes, in (0, 1]: below 1 while it warms up (slow start).</summary>
    public required double WarmFactor { get; init; }
}
