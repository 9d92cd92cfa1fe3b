namespace MeshClient.Testing.Eureka;

internal static class EurekaServerConstants
{
    public const string Up = "UP";

    public const string Down = "DOWN";

    public const string Starting = "STARTING";

    public const string OutOfService = "OUT_OF_SERVICE";

    public const string Unknown = "UNKNOWN";

    public const string Added = "ADDED";

    public const string Modified = "MODIFIED";

    public const string Deleted = "DELETED";

    public const string DefaultDataCenterClass = "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo";

    public const string EmptyMapClass = "java.util.Collections$EmptyMap";

    public const string SpringBasePath = "/eureka/";

    public const string NetflixBasePath = "/eureka/v2/";

    /// <summary>How long a change stays in the recently-changed queue (<c>retentionTimeInMSInDeltaQueue</c>).</summary>
    public static readonly TimeSpan DeltaRetention = TimeSpan.FromMinutes(3);

    /// <summary>How often expired leases are evicted (<c>evictionIntervalTimerInMs</c>).</summary>
    public static readonly TimeSpan EvictionInterval = TimeSpan.FromSeconds(60);

    public static string NormalizeStatus(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        Up => Up,
        Down => Down,
        Starting => Starting,
        OutOfService => OutOfService,
        _ => Unknown,
    };
}
