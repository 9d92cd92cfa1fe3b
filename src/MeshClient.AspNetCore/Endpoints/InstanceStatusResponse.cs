using MeshClient.Discovery;
using MeshClient.LoadBalancing;

namespace MeshClient.AspNetCore.Endpoints;

/// <summary>
/// One instance in <c>GET /mesh/services/{name}</c>: what discovery reports, then the live balancing state.
/// Properties that features add later (health, ejection, circuit) are nullable and left out of the JSON while unset.
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

    public static InstanceStatusResponse Create(ServiceInstance instance, InstanceState? state) => new()
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
        LatencyEwmaMs = Math.Round(state?.LatencyEwmaMs ?? 0, 3),
    };
}
