using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MeshClient.Consul;

/// <summary>Consul client settings, bound from <c>Mesh:Consul</c>. Defaults follow Consul's agent and its blocking-query docs.</summary>
public sealed class ConsulOptions
{
    /// <summary>Gets or sets the URL of the local Consul agent. Default <c>http://127.0.0.1:8500</c>.</summary>
    [Required]
    public string Address { get; set; } = ConsulConstants.DefaultAddress;

    /// <summary>Gets the URLs of further agents (<c>Mesh:Consul:Addresses:0</c>, ...), tried in order after <see cref="Address"/> when it cannot be reached.</summary>
    public IList<string> Addresses { get; } = [];

    /// <summary>Gets or sets the ACL token, sent as <c>X-Consul-Token</c>. It is never logged nor shown on any endpoint.</summary>
    public string? Token { get; set; }

    /// <summary>Gets or sets the datacenter to query (<c>?dc=</c>). Default: the agent's own.</summary>
    public string? Datacenter { get; set; }

    /// <summary>Gets or sets a tag that discovered instances must carry (<c>?tag=</c>). Default: none.</summary>
    public string? Tag { get; set; }

    /// <summary>
    /// Gets or sets whether only instances whose checks all pass are used (<c>?passing</c>). Default <see langword="true"/>.
    /// When <see langword="false"/>, warning instances are kept with their warning weight and critical ones are dropped client-side.
    /// </summary>
    public bool OnlyPassing { get; set; } = true;

    /// <summary>
    /// Gets or sets whether critical instances are kept, with status <c>Down</c> (balancers skip them; status pages show them),
    /// rather than removed. Applies when <see cref="OnlyPassing"/> is <see langword="false"/>. Default <see langword="false"/>.
    /// </summary>
    public bool KeepCriticalInstances { get; set; }

    /// <summary>Gets or sets the consistency mode of discovery reads. Default <see cref="ConsulConsistency.Default"/>.</summary>
    public ConsulConsistency Consistency { get; set; } = ConsulConsistency.Default;

    /// <summary>Gets or sets how long a blocking query waits for a change (<c>?wait=</c>). Default 5 min; Consul's maximum is 10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan WaitTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the rate limit of each watch loop: after a burst of 2 calls, at most one blocking call per interval, so
    /// that a churning service never busy-loops. Default 1 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan MinQueryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how long a non-blocking call (registration, TTL update) may take. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the first delay before a failed watch call is retried; it doubles up to <see cref="MaxRetryDelay"/>. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MinRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest delay between retries of a failed watch call. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the health check registered with this instance (<c>Mesh:Consul:Check</c>).</summary>
    [ValidateObjectMembers]
    public ConsulCheckOptions Check { get; set; } = new();

    /// <summary>Gets or sets the weights registered with this instance (<c>Mesh:Consul:Weights</c>).</summary>
    [ValidateObjectMembers]
    public ConsulWeightOptions Weights { get; set; } = new();
}
