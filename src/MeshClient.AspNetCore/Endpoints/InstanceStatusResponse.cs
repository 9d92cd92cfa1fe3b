using MeshClient.Discovery;
using MeshClient.Health;
using MeshClient.LoadBalancing;

namespace MeshClient.AspNetCore.Endpoints;

/// <summary>
/// One instance in <c>GET /mesh/services/{name}</c>: what discovery reports, then the live balancing state.
/// Health, ejection, penalty, circuit and slow start come from <see cref="InstanceState.GetHealthReport"/>.
/// </summary>
internal sealed class InstanceStatusResponse
{
    public required string InstanceId { get; init; }

    public required string Scheme { get; init; }

    public required string Host { get; init; }

    public required int Port { get; init; }

    public required InstanceStatus Status { get; init; }

    public string? Zone { get; init; }

    public required int Weight { get; init; }

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>Gets the requests sent and not yet completed.</summary>
    public int InFlight { get; init; }

    /// <summary>Gets the requests completed.</summary>
    public long Requests { get; init; }

    /// <summary>Gets the completed requests that failed.</summary>
    public long Failures { get; init; }

    /// <summary>Gets the peak-EWMA latency in milliseconds as of the last response (0 before any), rounded to microseconds.</summary>
    public double LatencyEwmaMs { get; init; }

    /// <summary>Gets the same peak-EWMA latency under the name the resilience docs use.</summary>
    public double EwmaLatencyMs { get; init; }

    /// <summary>Gets the combined health the balancer sees (healthy, warming, penalized, circuit-open, ejected, failing-checks, down).</summary>
    public string? Health { get; init; }

    /// <summary>Gets a value indicating whether outlier detection ejected the instance.</summary>
    public bool Ejected { get; init; }

    /// <summary>Gets when the ejection ends (UTC); absent when not ejected.</summary>
    public DateTimeOffset? EjectedUntil { get; init; }

    /// <summary>Gets when the 429 penalty ends (UTC); absent when not penalised.</summary>
    public DateTimeOffset? PenalizedUntil { get; init; }

    /// <summary>Gets the circuit breaker state: closed, open or half-open.</summary>
    public string? Circuit { get; init; }

    /// <summary>Gets the share of its weight the instance takes while it warms up (slow start); absent at full share.</summary>
    public double? WarmFactor { get; init; }

    public static InstanceStatusResponse Create(ServiceInstance instance, InstanceState? state)
    {
        var report = state?.GetHealthReport();
        var latency = Math.Round(state?.LatencyEwmaMs ?? 0, 3);
        return new()
        {
            InstanceId = instance.InstanceId,
            Scheme = instance.Scheme,
            Host = instance.Host,
            Port = instance.Port,
            Status = instance.Status,
            Zone = instance.Zone,
            Weight = instance.Weight,
            Metadata = MetadataRedaction.Redact(instance.Metadata),
            InFlight = state?.InFlight ?? 0,
            Requests = state?.Requests ?? 0,
            Failures = state?.Failures ?? 0,
            LatencyEwmaMs = latency,
            EwmaLatencyMs = latency,
            Health = report is null ? null : HealthName(report.Health),
            Ejected = report?.Ejected ?? false,
            EjectedUntil = report?.EjectedUntil,
            PenalizedUntil = report?.PenalizedUntil,
            Circuit = report is null ? null : CircuitName(report.Circuit),
            WarmFactor = report is { WarmFactor: < 1.0 } ? Math.Round(report.WarmFactor, 3) : null,
        };
    }

    private static string HealthName(InstanceHealthState health) => health switch
    {
        InstanceHealthState.Healthy => "healthy",
        InstanceHealthState.Warming => "warming",
        InstanceHealthState.Penalized => "penalized",
        InstanceHealthState.CircuitOpen => "circuit-open",
        InstanceHealthState.Ejected => "ejected",
        InstanceHealthState.FailingChecks => "failing-checks",
        _ => "down",
    };

    private static string CircuitName(CircuitState circuit) => circuit switch
    {
        CircuitState.Open => "open",
        CircuitState.HalfOpen => "half-open",
        _ => "closed",
    };
}
