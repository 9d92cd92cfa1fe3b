namespace MeshClient.Testing.Consul;

/// <summary>A check on the in-process agent: TTL, HTTP (run by the agent), maintenance, or a passive one.</summary>
internal sealed class ConsulAgentCheckRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string Notes { get; init; } = string.Empty;

    public string Status { get; set; } = ConsulAgentConstants.Critical;

    public string Output { get; set; } = string.Empty;

    public string ServiceId { get; init; } = string.Empty;

    public string ServiceName { get; init; } = string.Empty;

    public IReadOnlyList<string> ServiceTags { get; init; } = [];

    /// <summary>Gets the type as the API reports it: <c>ttl</c>, <c>http</c>, <c>maintenance</c> or empty.</summary>
    public string Type { get; init; } = string.Empty;

    public TimeSpan? Ttl { get; init; }

    public DateTimeOffset? TtlDeadline { get; set; }

    public string? Http { get; init; }

    public string Method { get; init; } = "GET";

    public TimeSpan Interval { get; init; }

    public TimeSpan Timeout { get; init; } = ConsulAgentConstants.DefaultCheckTimeout;

    public TimeSpan? DeregisterAfter { get; init; }

    public DateTimeOffset? CriticalSince { get; set; }

    public ITimer? Timer { get; set; }

    public ulong CreateIndex { get; set; }

    public ulong ModifyIndex { get; set; }
}
