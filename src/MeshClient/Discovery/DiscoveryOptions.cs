using System.ComponentModel.DataAnnotations;

namespace MeshClient.Discovery;

/// <summary>Discovery settings, bound from <c>Mesh:Discovery</c>.</summary>
public sealed class DiscoveryOptions
{
    /// <summary>Gets or sets the active provider (<c>Mesh:Discovery:Provider</c>): <c>Static</c> (default), <c>InMemory</c>, <c>Eureka</c>, <c>Consul</c>.</summary>
    [Required]
    public string Provider { get; set; } = DiscoveryConstants.StaticProvider;

    /// <summary>Tells whether <paramref name="provider"/> is the active provider (names compare case-insensitively).</summary>
    /// <param name="provider">A provider name, for example <c>Eureka</c>.</param>
    /// <returns><see langword="true"/> when it is <see cref="Provider"/>.</returns>
    public bool IsActive(string provider) => string.Equals(Provider, provider, StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets or sets how often a service's instances are fetched again when the provider cannot push changes. Default 30 s (Eureka's registry fetch interval).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long the first request to a service waits for its first fetch. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan InitialFetchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how long one background fetch may take before it counts as failed. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the first delay before retrying a failed fetch; it doubles up to <see cref="MaxRetryDelay"/>. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MinRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest delay between retries of a failed fetch. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how long a service that is not configured stays cached without requests. Default 10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ServiceIdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets the most services tracked at once; past it, the least recently used unconfigured service is dropped. Default 1,024.</summary>
    [Range(1, 1_000_000)]
    public int MaxServices { get; set; } = 1024;
}
