namespace MeshClient.Testing.Eureka;

/// <summary>An instance as the in-process Eureka server holds it: the fields of a Eureka <c>InstanceInfo</c>, statuses as Eureka names.</summary>
public sealed record EurekaTestInstance
{
    /// <summary>Gets the application name (stored upper case).</summary>
    public required string App { get; init; }

    /// <summary>Gets the instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>Gets the host name. Default <c>127.0.0.1</c>.</summary>
    public string HostName { get; init; } = "127.0.0.1";

    /// <summary>Gets the IP address. Default <c>127.0.0.1</c>.</summary>
    public string IpAddr { get; init; } = "127.0.0.1";

    /// <summary>Gets the status (<c>UP</c>, <c>DOWN</c>, <c>STARTING</c>, <c>OUT_OF_SERVICE</c>, <c>UNKNOWN</c>). Default <c>UP</c>.</summary>
    public string Status { get; init; } = EurekaServerConstants.Up;

    /// <summary>Gets the overridden status; <c>UNKNOWN</c> means none.</summary>
    public string OverriddenStatus { get; init; } = EurekaServerConstants.Unknown;

    /// <summary>Gets the non-secure port. Default 8080.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Gets whether the non-secure port is enabled. Default <see langword="true"/>.</summary>
    public bool PortEnabled { get; init; } = true;

    /// <summary>Gets the secure port. Default 443.</summary>
    public int SecurePort { get; init; } = 443;

    /// <summary>Gets whether the secure port is enabled. Default <see langword="false"/>.</summary>
    public bool SecurePortEnabled { get; init; }

    /// <summary>Gets the VIP address (comma-separated list allowed).</summary>
    public string? VipAddress { get; init; }

    /// <summary>Gets the secure VIP address.</summary>
    public string? SecureVipAddress { get; init; }

    /// <summary>Gets the home page URL.</summary>
    public string? HomePageUrl { get; init; }

    /// <summary>Gets the status page URL.</summary>
    public string? StatusPageUrl { get; init; }

    /// <summary>Gets the health check URL.</summary>
    public string? HealthCheckUrl { get; init; }

    /// <summary>Gets the data center class. Default <c>com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo</c>.</summary>
    public string DataCenterClass { get; init; } = EurekaServerConstants.DefaultDataCenterClass;

    /// <summary>Gets the data center name. Default <c>MyOwn</c>.</summary>
    public string DataCenterName { get; init; } = "MyOwn";

    /// <summary>Gets the metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the lease renewal interval announced by the instance, in seconds. Default 30.</summary>
    public int RenewalIntervalInSecs { get; init; } = 30;

    /// <summary>Gets the lease duration announced by the instance, in seconds. Default 90.</summary>
    public int DurationInSecs { get; init; } = 90;

    /// <summary>Gets the dirty timestamp (epoch ms) the instance sent.</summary>
    public long LastDirtyTimestamp { get; init; }

    /// <summary>Gets when the server last changed the record (epoch ms).</summary>
    public long LastUpdatedTimestamp { get; init; }

    /// <summary>Gets when the lease was registered (epoch ms).</summary>
    public long RegistrationTimestamp { get; init; }

    /// <summary>Gets when the lease was last renewed (epoch ms).</summary>
    public long LastRenewalTimestamp { get; init; }

    /// <summary>Gets when the instance first went UP (epoch ms).</summary>
    public long ServiceUpTimestamp { get; init; }

    /// <summary>Gets the last action on the record: <c>ADDED</c>, <c>MODIFIED</c> or <c>DELETED</c>.</summary>
    public string ActionType { get; init; } = "ADDED";

    /// <summary>Creates an UP instance listening on 127.0.0.1.</summary>
    /// <param name="app">The application name.</param>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="port">The non-secure port.</param>
    /// <returns>The instance.</returns>
    public static EurekaTestInstance Create(string app, string instanceId, int port) => new()
    {
        App = app.ToUpperInvariant(),
        InstanceId = instanceId,
        Port = port,
        VipAddress = app.ToLowerInvariant(),
        SecureVipAddress = app.ToLowerInvariant(),
        HomePageUrl = $"http://127.0.0.1:{port}/",
        StatusPageUrl = $"http://127.0.0.1:{port}/info",
        HealthCheckUrl = $"http://127.0.0.1:{port}/health",
    };
}
