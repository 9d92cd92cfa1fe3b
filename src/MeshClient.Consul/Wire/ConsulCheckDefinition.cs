using System.Text.Json.Serialization;

namespace MeshClient.Consul.Wire;

/// <summary>The <c>Check</c> of a service registration: an HTTP check (<c>HTTP</c> + <c>Interval</c>) or a TTL check (<c>TTL</c>). Durations are Go strings.</summary>
internal sealed class ConsulCheckDefinition
{
    [JsonPropertyName("CheckID")]
    public required string CheckId { get; init; }

    public required string Name { get; init; }

    public string? Notes { get; init; }

    public string? Status { get; init; }

    [JsonPropertyName("HTTP")]
    public string? Http { get; init; }

    public string? Method { get; init; }

    public string? Interval { get; init; }

    public string? Timeout { get; init; }

    [JsonPropertyName("TTL")]
    public string? Ttl { get; init; }

    public string? DeregisterCriticalServiceAfter { get; init; }
}
