using System.ComponentModel.DataAnnotations;

namespace MeshClient.Registration;

/// <summary>Backend-neutral self-registration settings, bound from <c>Mesh:Registration</c>.</summary>
public sealed class RegistrationOptions
{
    /// <summary>Gets or sets whether this process registers itself. Default: on when the provider is a registry, off for <c>Static</c>.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Gets or sets the service name to register under. Default: the host's application name.</summary>
    public string? ServiceName { get; set; }

    /// <summary>Gets or sets the instance id. Default <c>{host}:{service}:{port}</c>, unique per replica.</summary>
    public string? InstanceId { get; set; }

    /// <summary>Gets or sets the address to register. Default: detected from the server's bound addresses, else 127.0.0.1.</summary>
    public string? Host { get; set; }

    /// <summary>Gets or sets the port to register. Default: detected from the server's bound addresses.</summary>
    [Range(1, 65535)]
    public int? Port { get; set; }

    /// <summary>Gets or sets the scheme to register, <c>http</c> or <c>https</c>. Default: detected, else <c>http</c>.</summary>
    public string? Scheme { get; set; }

    /// <summary>Gets or sets the zone to register. Default <c>Mesh:Zone</c>.</summary>
    public string? Zone { get; set; }

    /// <summary>Gets or sets the weight to register. Default 1.</summary>
    [Range(1, 1_000_000)]
    public int Weight { get; set; } = 1;

    /// <summary>Gets the tags to register (Consul tags; Eureka metadata keys).</summary>
    public IList<string> Tags { get; } = [];

    /// <summary>Gets the metadata to register.</summary>
    public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets how often the registration is renewed (heartbeat). Default 30 s, as Eureka.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long the registry keeps the registration without a renewal. Default 90 s, as Eureka.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Gets or sets the first delay before retrying a failed registry call; it doubles up to <see cref="MaxRetryDelay"/>. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MinRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest delay between retries of a failed registry call. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
