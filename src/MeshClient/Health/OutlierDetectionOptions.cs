using System.ComponentModel.DataAnnotations;

namespace MeshClient.Health;

/// <summary>
/// Passive outlier ejection with Envoy's semantics (<c>...:Health:OutlierDetection</c>): an instance that fails too many
/// times in a row is ejected for <see cref="BaseEjectionTime"/> × the times it was ejected, at most
/// <see cref="MaxEjectionTime"/>, and never more than <see cref="MaxEjectionPercent"/> of the instances at once.
/// </summary>
public sealed class OutlierDetectionOptions
{
    /// <summary>Gets or sets a value indicating whether outlier ejection is on. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets the consecutive 5xx responses (connection failures and timeouts count as 5xx too, as in Envoy without
    /// <c>split_external_local_origin_errors</c>) that eject an instance; 0 turns this check off. Default 5, as Envoy.
    /// </summary>
    [Range(0, 10_000)]
    public int Consecutive5xx { get; set; } = HealthConstants.DefaultConsecutive5xx;

    /// <summary>
    /// Gets or sets the consecutive gateway failures (502, 503, 504, connection failures, resets, timeouts) that eject an
    /// instance; 0 turns this check off. Default 5, as Envoy.
    /// </summary>
    [Range(0, 10_000)]
    public int ConsecutiveGatewayFailure { get; set; } = HealthConstants.DefaultConsecutiveGatewayFailure;

    /// <summary>Gets or sets the first ejection time; the n-th ejection lasts n times as long. Default 30 s, as Envoy.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan BaseEjectionTime { get; set; } = HealthConstants.DefaultBaseEjectionTime;

    /// <summary>Gets or sets the longest ejection. Default 300 s, as Envoy.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxEjectionTime { get; set; } = HealthConstants.DefaultMaxEjectionTime;

    /// <summary>
    /// Gets or sets how long an instance must stay in for its ejection multiplier to go down by one. Default 10 s, as
    /// Envoy's <c>interval</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = HealthConstants.DefaultInterval;

    /// <summary>
    /// Gets or sets the most instances ejected at once, in percent of the service's instances; an ejection that would go
    /// beyond it does not happen. Default 50 (Envoy's 10 would eject nothing in services of fewer than 10 instances).
    /// </summary>
    [Range(0, 100)]
    public int MaxEjectionPercent { get; set; } = HealthConstants.DefaultMaxEjectionPercent;

    /// <summary>Gets or sets a value indicating whether one instance may be ejected whatever <see cref="MaxEjectionPercent"/>. Default false, as Envoy's <c>always_eject_one_host</c>.</summary>
    public bool AlwaysEjectOneInstance { get; set; }
}
