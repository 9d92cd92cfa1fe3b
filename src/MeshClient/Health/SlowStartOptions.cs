using System.ComponentModel.DataAnnotations;

namespace MeshClient.Health;

/// <summary>
/// Slow start with Envoy's <c>slow_start_config</c> semantics (<c>...:Health:SlowStart</c>): an instance that joins a
/// running service, or comes back from an ejection or failing active checks, takes a share of traffic that ramps up over
/// <see cref="Window"/>: its weight is scaled by max(<see cref="MinWeightPercent"/> / 100, (t / window)^(1 / <see cref="Aggression"/>)).
/// </summary>
public sealed class SlowStartOptions
{
    /// <summary>Gets or sets the ramp-up window; 0 turns slow start off. Default 0 (off), as Envoy, which has no slow start unless configured.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan Window { get; set; }

    /// <summary>Gets or sets how fast the share grows: 1 is linear, above 1 faster at first. Default 1.0, as Envoy's <c>aggression</c>.</summary>
    [Range(0.01, 100.0)]
    public double Aggression { get; set; } = HealthConstants.DefaultSlowStartAggression;

    /// <summary>Gets or sets the least share of its weight a warming instance takes, in percent. Default 10, as Envoy's <c>min_weight_percent</c>.</summary>
    [Range(1, 100)]
    public int MinWeightPercent { get; set; } = HealthConstants.DefaultSlowStartMinWeightPercent;
}
