using System.ComponentModel.DataAnnotations;
using MeshClient.Discovery;
using MeshClient.Health;
using MeshClient.LoadBalancing;
using MeshClient.Registration;
using MeshClient.Resilience;
using Microsoft.Extensions.Options;

namespace MeshClient;

/// <summary>Options of MeshClient, bound from the <c>Mesh</c> configuration section.</summary>
public sealed class MeshOptions
{
    /// <summary>Gets or sets the zone this process runs in (<c>Mesh:Zone</c>); balancers prefer instances of the same zone.</summary>
    public string? Zone { get; set; }

    /// <summary>Gets or sets the load balancer used by services that do not name one (<c>Mesh:LoadBalancer</c>). Default <c>PeakEwma</c>.</summary>
    [Required]
    public string LoadBalancer { get; set; } = MeshConstants.DefaultLoadBalancer;

    /// <summary>Gets or sets the discovery settings (<c>Mesh:Discovery</c>).</summary>
    [ValidateObjectMembers]
    public DiscoveryOptions Discovery { get; set; } = new();

    /// <summary>Gets or sets the self-registration settings (<c>Mesh:Registration</c>).</summary>
    [ValidateObjectMembers]
    public RegistrationOptions Registration { get; set; } = new();

    /// <summary>Gets or sets the default balancing settings for every service (<c>Mesh:Balancing</c>).</summary>
    [ValidateObjectMembers]
    public LoadBalancingOptions Balancing { get; set; } = new();

    /// <summary>Gets or sets the default zone preference for every service (<c>Mesh:ZonePreference</c>).</summary>
    [ValidateObjectMembers]
    public ZonePreferenceOptions ZonePreference { get; set; } = new();

    /// <summary>Gets or sets the default resilience of calls to every service (<c>Mesh:Resilience</c>): timeouts, retries, breakers.</summary>
    [ValidateObjectMembers]
    public ResilienceOptions Resilience { get; set; } = new();

    /// <summary>Gets or sets the default per-instance health of every service (<c>Mesh:Health</c>): outlier ejection, panic threshold.</summary>
    [ValidateObjectMembers]
    public HealthOptions Health { get; set; } = new();

    /// <summary>Gets the per-service settings (<c>Mesh:Services:{name}</c>), keyed case-insensitively by service name.</summary>
    public IDictionary<string, MeshServiceOptions> Services { get; } = new Dictionary<string, MeshServiceOptions>(StringComparer.OrdinalIgnoreCase);
}
