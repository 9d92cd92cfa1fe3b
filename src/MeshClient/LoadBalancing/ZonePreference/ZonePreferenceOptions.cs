using System.ComponentModel.DataAnnotations;

namespace MeshClient.LoadBalancing;

/// <summary>Zone preference: send to the caller's zone (<c>Mesh:Zone</c>) while it has enough eligible instances, spill over otherwise.</summary>
public sealed class ZonePreferenceOptions
{
    /// <summary>Gets or sets a value indicating whether zone preference is on. Default true (it acts only when <c>Mesh:Zone</c> is set).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the fewest eligible instances the local zone must have. Default 1.</summary>
    [Range(1, 100_000)]
    public int MinHealthyInstances { get; set; } = 1;

    /// <summary>Gets or sets the share of the local zone's instances that must be eligible, in percent. Default 50, as Envoy's panic threshold.</summary>
    [Range(0, 100)]
    public int MinHealthyPercent { get; set; } = 50;
}
