namespace MeshClient.Consul;

internal static class ConsulConstants
{
    public const string ProviderName = "Consul";

    public const string SectionName = "Consul";

    public const string ConfigurationKey = "Mesh:Consul";

    public const string HttpClientName = "MeshClient.Consul";

    public const string HealthCheckName = "consul";

    public const string DefaultAddress = "http://127.0.0.1:8500";

    public const string TokenHeader = "X-Consul-Token";

    public const string IndexHeader = "X-Consul-Index";

    public const string ZoneMetaKey = "zone";

    public const string SchemeMetaKey = "scheme";

    public const string Passing = "passing";

    public const string Warning = "warning";

    public const string Critical = "critical";

    /// <summary>How many blocking calls may run back to back before the rate limit spaces them (the Consul docs' token bucket).</summary>
    public const int QueryBurst = 2;

    /// <summary>Consul's largest blocking wait (<c>maxQueryTime</c>); the agent clamps larger values.</summary>
    public static readonly TimeSpan MaxWaitTime = TimeSpan.FromMinutes(10);

    /// <summary>The smallest <c>DeregisterCriticalServiceAfter</c> the agent honours; smaller values are raised to it.</summary>
    public static readonly TimeSpan MinDeregisterCriticalServiceAfter = TimeSpan.FromMinutes(1);

    /// <summary>Added to <c>wait + wait/16</c> (the agent's jitter) to get the HTTP timeout of a blocking call.</summary>
    public static readonly TimeSpan BlockingTimeoutMargin = TimeSpan.FromSeconds(5);
}
