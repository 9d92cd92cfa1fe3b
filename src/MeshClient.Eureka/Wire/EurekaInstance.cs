namespace MeshClient.Eureka.Wire;

/// <summary>One Eureka <c>InstanceInfo</c> as read from the wire (JSON or XML), every field tolerated absent.</summary>
internal sealed record EurekaInstance
{
    public string? InstanceId { get; init; }

    public string? App { get; init; }

    public string? HostName { get; init; }

    public string? IpAddr { get; init; }

    /// <summary>Gets the status as sent, upper case; any unknown text reads as <c>UNKNOWN</c>.</summary>
    public string Status { get; init; } = EurekaStatus.Unknown;

    /// <summary>Gets the overridden status, <c>UNKNOWN</c> when none.</summary>
    public string OverriddenStatus { get; init; } = EurekaStatus.Unknown;

    public int Port { get; init; } = EurekaConstants.DefaultPort;

    public bool PortEnabled { get; init; } = true;

    public int SecurePort { get; init; } = EurekaConstants.DefaultSecurePort;

    public bool SecurePortEnabled { get; init; }

    public string? VipAddress { get; init; }

    public string? SecureVipAddress { get; init; }

    public string? HomePageUrl { get; init; }

    public string? StatusPageUrl { get; init; }

    public string? HealthCheckUrl { get; init; }

    public string? DataCenterClass { get; init; }

    public string? DataCenterName { get; init; }

    public IReadOnlyDictionary<string, string> DataCenterMetadata { get; init; } = EmptyMetadata;

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMetadata;

    public long LastUpdatedTimestamp { get; init; }

    public long LastDirtyTimestamp { get; init; }

    public string? ActionType { get; init; }

    /// <summary>Gets the identity used to upsert and delete: <c>instanceId</c>, else <c>hostName</c> (very old servers).</summary>
    public string? Id => string.IsNullOrEmpty(InstanceId) ? HostName : InstanceId;

    internal static IReadOnlyDictionary<string, string> EmptyMetadata { get; } = new Dictionary<string, string>(0, StringComparer.Ordinal);
}
