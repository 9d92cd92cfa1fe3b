using System.ComponentModel.DataAnnotations;

namespace MeshClient.Health;

/// <summary>
/// Passive outlier ejection with Envoy's semantics (<c>...:Health:OutlierDetection</c>): an instance that fails too many
/// times in a row is ejected for <see cref="BaseEjectionTime"/> × the times it was ejected, at most
/// <see cref="MaxEjectionTime"/>, and never more than <see cref="MaxEjectionPercent"/> of the instances at once. Every
/// <see cref="Interval"/> a sweep also compares the instances' success rates of that interval (Envoy's success-rate and
/// failure-percentage detectors).
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

    /// <summary>
    /// Gets or sets the instances with at least <see cref="SuccessRateRequestVolume"/> requests in an interval that the
    /// success-rate detector needs to run. Default 5, as Envoy's <c>success_rate_minimum_hosts</c>.
    /// </summary>
    [Range(1, 100_000)]
    public int SuccessRateMinimumHosts { get; set; } = HealthConstants.DefaultSuccessRateMinimumHosts;

    /// <summary>
    /// Gets or sets the requests an instance must see in an interval for its success rate to count. Default 100, as
    /// Envoy's <c>success_rate_request_volume</c>.
    /// </summary>
    [Range(1, 100_000_000)]
    public int SuccessRateRequestVolume { get; set; } = HealthConstants.DefaultSuccessRateRequestVolume;

    /// <summary>
    /// Gets or sets the success-rate ejection threshold factor, in thousandths: an instance is ejected when its success
    /// rate is below mean − (factor / 1000) × standard deviation of the counted instances. Default 1900 (1.9), as Envoy's
    /// <c>success_rate_stdev_factor</c>.
    /// </summary>
    [Range(0, 100_000)]
    public int SuccessRateStdevFactor { get; set; } = HealthConstants.DefaultSuccessRateStdevFactor;

    /// <summary>
    /// Gets or sets the chance, in percent, that an instance the success-rate detector finds is ejected; 0 turns the
    /// detector off. Default 100, as Envoy's <c>enforcing_success_rate</c>.
    /// </summary>
    [Range(0, 100)]
    public int EnforcingSuccessRate { get; set; } = HealthConstants.DefaultEnforcingSuccessRate;

    /// <summary>
    /// Gets or sets the failure percentage (0-100) at or above which the failure-percentage detector ejects an instance.
    /// Default 85, as Envoy's <c>failure_percentage_threshold</c>.
    /// </summary>
    [Range(0, 100)]
    public int FailurePercentageThreshold { get; set; } = HealthConstants.DefaultFailurePercentageThreshold;

    /// <summary>
    /// Gets or sets the instances with at least <see cref="FailurePercentageRequestVolume"/> requests in an interval that
    /// the failure-percentage detector needs to run. Default 5, as Envoy's <c>failure_percentage_minimum_hosts</c>.
    /// </summary>
    [Range(1, 100_000)]
    public int FailurePercentageMinimumHosts { get; set; } = HealthConstants.DefaultFailurePercentageMinimumHosts;

    /// <summary>
    /// Gets or sets the requests an instance must see in an interval for its failure percentage to count. Default 50, as
    /// Envoy's <c>failure_percentage_request_volume</c>.
    /// </summary>
    [Range(1, 100_000_000)]
    public int FailurePercentageRequestVolume { get; set; } = HealthConstants.DefaultFailurePercentageRequestVolume;

    /// <summary>
    /// Gets or sets the chance, in percent, that an instance the failure-percentage detector finds is ejected. Default 0
    /// (the detector is off), as Envoy's <c>enforcing_failure_percentage</c>.
    /// </summary>
    [Range(0, 100)]
    public int EnforcingFailurePercentage { get; set; }

    /// <summary>Gets a value indicating whether the interval sweep runs: outlier detection is on and one of its detectors enforces.</summary>
    internal bool SweepsRates => Enabled && (EnforcingSuccessRate > 0 || EnforcingFailurePercentage > 0);
}
