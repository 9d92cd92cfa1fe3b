using System.ComponentModel.DataAnnotations;

namespace MeshClient.Eureka;

/// <summary>
/// The Eureka fields of this instance's registration, bound from <c>Mesh:Eureka:Instance</c>. The name, id, address,
/// port, zone, metadata and lease timings come from <c>Mesh:Registration</c>; every field here overrides or completes them.
/// </summary>
public sealed class EurekaInstanceOptions
{
    /// <summary>Gets or sets the Eureka application name. Default <c>Mesh:Registration:ServiceName</c>, upper-cased as the server does.</summary>
    public string? AppName { get; set; }

    /// <summary>Gets or sets the registered host name. Default the registration host.</summary>
    public string? HostName { get; set; }

    /// <summary>Gets or sets the registered IP address (<c>ipAddr</c>). Default the registration host.</summary>
    public string? IpAddress { get; set; }

    /// <summary>Gets or sets the non-secure port (<c>port</c>). Default the registration port when its scheme is http, else 80.</summary>
    [Range(1, 65535)]
    public int? NonSecurePort { get; set; }

    /// <summary>Gets or sets whether the non-secure port is enabled. Default: when the registration scheme is http.</summary>
    public bool? NonSecurePortEnabled { get; set; }

    /// <summary>Gets or sets the secure port (<c>securePort</c>). Default the registration port when its scheme is https, else 443.</summary>
    [Range(1, 65535)]
    public int? SecurePort { get; set; }

    /// <summary>Gets or sets whether the secure port is enabled. Default: when the registration scheme is https.</summary>
    public bool? SecurePortEnabled { get; set; }

    /// <summary>Gets or sets the VIP address (may list several, comma-separated). Default the service name.</summary>
    public string? VipAddress { get; set; }

    /// <summary>Gets or sets the secure VIP address. Default the service name.</summary>
    public string? SecureVipAddress { get; set; }

    /// <summary>Gets or sets the home page URL. Default <c>{scheme}://{host}:{port}/</c>.</summary>
    public string? HomePageUrl { get; set; }

    /// <summary>Gets or sets the status page URL; Spring servers reject registrations without one. Default <c>{scheme}://{host}:{port}/info</c>.</summary>
    public string? StatusPageUrl { get; set; }

    /// <summary>Gets or sets the health check URL. Default <c>{scheme}://{host}:{port}/health</c>.</summary>
    public string? HealthCheckUrl { get; set; }

    /// <summary>Gets or sets the data center name sent in <c>dataCenterInfo</c>. Default <c>MyOwn</c>.</summary>
    [Required]
    public string DataCenterName { get; set; } = "MyOwn";

    /// <summary>Gets the metadata added to <c>Mesh:Registration:Metadata</c> (the zone goes in as <c>zone</c>).</summary>
    public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
