using System.ComponentModel.DataAnnotations;

namespace MeshClient.Health;

/// <summary>
/// Active health checking, as Envoy's HTTP health checker (<c>...:Health:ActiveChecks</c>): every
/// <see cref="Interval"/> (plus a random jitter) each instance gets <c>GET {Path}</c>; a 2xx within <see cref="Timeout"/>
/// passes. <see cref="UnhealthyThreshold"/> failures in a row take the instance out of the picker,
/// <see cref="HealthyThreshold"/> passes in a row bring it back.
/// </summary>
public sealed class ActiveHealthCheckOptions
{
    /// <summary>Gets or sets a value indicating whether instances are checked. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>Gets or sets the path requested on each instance. Default <c>/health</c>.</summary>
    [Required]
    [RegularExpression("^/.*")]
    public string Path { get; set; } = HealthConstants.DefaultCheckPath;

    /// <summary>Gets or sets the time between two rounds of checks. Default 10 s, as Consul's checks.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan Interval { get; set; } = HealthConstants.DefaultCheckInterval;

    /// <summary>Gets or sets the most random time added to each interval, as Envoy's <c>interval_jitter</c>. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan Jitter { get; set; } = HealthConstants.DefaultCheckJitter;

    /// <summary>Gets or sets how long one check may take; a check that takes longer fails. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan Timeout { get; set; } = HealthConstants.DefaultCheckTimeout;

    /// <summary>Gets or sets the failed checks in a row that make an instance unhealthy. Default 3, as Kubernetes' <c>failureThreshold</c>.</summary>
    [Range(1, 100)]
    public int UnhealthyThreshold { get; set; } = HealthConstants.DefaultUnhealthyThreshold;

    /// <summary>Gets or sets the passed checks in a row that make an unhealthy instance healthy again. Default 2, as Envoy's usual setting.</summary>
    [Range(1, 100)]
    public int HealthyThreshold { get; set; } = HealthConstants.DefaultHealthyThreshold;
}
