using System.ComponentModel.DataAnnotations;

namespace MeshClient.Consul;

/// <summary>The health check registered with this instance, bound from <c>Mesh:Consul:Check</c>.</summary>
public sealed class ConsulCheckOptions
{
    /// <summary>Gets or sets the check mode. Default <see cref="ConsulCheckMode.Ttl"/>.</summary>
    public ConsulCheckMode Mode { get; set; } = ConsulCheckMode.Ttl;

    /// <summary>
    /// Gets or sets the TTL of a <see cref="ConsulCheckMode.Ttl"/> check. Default: <c>Mesh:Registration:LeaseDuration</c>
    /// (90 s), so the push every <c>Mesh:Registration:RenewInterval</c> (30 s) lands well inside it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan? Ttl { get; set; }

    /// <summary>
    /// Gets or sets the URL the agent polls in <see cref="ConsulCheckMode.Http"/> mode: absolute, or a path relative to the
    /// registered address. Default <c>/health/ready</c>.
    /// </summary>
    public string HttpPath { get; set; } = "/health/ready";

    /// <summary>Gets or sets how often the agent polls in <see cref="ConsulCheckMode.Http"/> mode. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how long one poll may take in <see cref="ConsulCheckMode.Http"/> mode. Default 5 s (Consul's is 10 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets how long the check may stay critical before the agent deregisters the service. Default 5 min; Consul
    /// raises values below 1 min to 1 min and reaps every 30 s. <see langword="null"/>: never.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan? DeregisterCriticalServiceAfter { get; set; } = TimeSpan.FromMinutes(5);
}
