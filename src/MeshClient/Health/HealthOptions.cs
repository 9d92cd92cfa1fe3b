using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MeshClient.Health;

/// <summary>
/// Per-instance health, bound from <c>Mesh:Health</c> (every service) or <c>Mesh:Services:{name}:Health</c> (one service,
/// replacing the global section as a whole): outlier ejection, the panic threshold, the 429 penalty, slow start and
/// active health checks.
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

    /// <summary>
    /// Gets or sets the longest time a 429 response's <c>Retry-After</c> keeps the instance out of the picker (it is
    /// penalised, not ejected: no outlier counter or multiplier changes); 0 turns the penalty off. Default 300 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxRetryAfterPenalty { get; set; } = HealthConstants.DefaultMaxRetryAfterPenalty;

    /// <summary>Gets or sets the slow start settings (<c>...:Health:SlowStart</c>).</summary>
    [ValidateObjectMembers]
    public SlowStartOptions SlowStart { get; set; } = new();

    /// <summary>Gets or sets the active health check settings (<c>...:Health:ActiveChecks</c>).</summary>
    [ValidateObjectMembers]
    public ActiveHealthCheckOptions ActiveChecks { get; set; } = new();
}
