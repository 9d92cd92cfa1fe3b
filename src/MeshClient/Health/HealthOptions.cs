using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MeshClient.Health;

/// <summary>
/// Per-instance health, bound from <c>Mesh:Health</c> (every service) or <c>Mesh:Services:{name}:Health</c> (one service,
/// replacing the global section as a whole): outlier ejection and the panic threshold.
/// </summary>
public sealed class HealthOptions
{
    /// <summary>
    /// Gets or sets the panic threshold in percent: when fewer than this share of a service's Up instances are eligible
    /// (not ejected, breaker closed), the balancer uses every Up instance rather than overload the few left; 0 turns
    /// panic off. Default 50, as Envoy's <c>healthy_panic_threshold</c>.
    /// </summary>
    [Range(0, 100)]
    public int PanicThresholdPercent { get; set; } = HealthConstants.DefaultPanicThresholdPercent;

    /// <summary>Gets or sets the outlier detection settings (<c>...:Health:OutlierDetection</c>).</summary>
    [ValidateObjectMembers]
    public OutlierDetectionOptions OutlierDetection { get; set; } = new();
}
