using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MeshClient.Eureka;

/// <summary>Eureka client settings, bound from <c>Mesh:Eureka</c>. Defaults follow the Netflix reference client.</summary>
public sealed class EurekaOptions
{
    /// <summary>
    /// Gets the Eureka service URLs (<c>Mesh:Eureka:ServiceUrls:0</c>, ...), tried in order with failover, for example
    /// <c>http://eureka:8761/eureka/</c> (Spring) or <c>http://eureka:8080/eureka/v2/</c> (Netflix). Basic-auth user info
    /// (<c>http://user:password@host/eureka/</c>) is sent as an <c>Authorization</c> header and never logged.
    /// </summary>
    public IList<string> ServiceUrls { get; } = [];

    /// <summary>Gets or sets how often the registry is fetched (full, then deltas). Default 30 s (<c>client.refresh.interval</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RegistryFetchInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the representation used with the server. Default <see cref="EurekaFormat.Json"/>.</summary>
    public EurekaFormat Format { get; set; } = EurekaFormat.Json;

    /// <summary>Gets or sets whether the registry is fetched for discovery. Default <see langword="true"/>.</summary>
    public bool ShouldFetchRegistry { get; set; } = true;

    /// <summary>
    /// Gets or sets whether only instances whose effective status is <c>UP</c> are offered to balancers. Default
    /// <see langword="true"/> (<c>shouldFilterOnlyUpInstances</c>); when <see langword="false"/> every instance is offered.
    /// </summary>
    public bool OnlyUpInstances { get; set; } = true;

    /// <summary>Gets or sets whether instances are addressed by IP address rather than host name. Default <see langword="false"/>.</summary>
    public bool PreferIpAddress { get; set; }

    /// <summary>Gets or sets how long one request to one service URL may take before the next URL is tried. Default 8 s (Eureka's read timeout).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Gets or sets the first delay before a failed fetch is retried; it doubles up to <see cref="MaxRetryDelay"/>. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MinRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest delay between retries of a failed fetch. Default 300 s (10 × the fetch interval, Eureka's <c>exponentialBackOffBound</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Gets or sets the Eureka-specific fields of this instance's registration (<c>Mesh:Eureka:Instance</c>).</summary>
    [ValidateObjectMembers]
    public EurekaInstanceOptions Instance { get; set; } = new();
}
