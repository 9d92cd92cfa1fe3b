namespace MeshClient.Anomaly;

/// <summary>
/// Options of the rule detector (<see cref="AnomalyDetectors.CreateRules"/>): static thresholds that must be crossed for
/// a number of consecutive observations, with hysteresis, plus the seen-range ("spatial") rule.
/// </summary>
public sealed class RuleOptions
{
    /// <summary>Gets or sets the level a value must exceed to breach (no upper rule by default).</summary>
    public double UpperThreshold { get; set; } = double.PositiveInfinity;

    /// <summary>Gets or sets the level a value must fall below to breach (no lower rule by default).</summary>
    public double LowerThreshold { get; set; } = double.NegativeInfinity;

    /// <summary>Gets or sets the level a value must be at or below to count as clear (hysteresis); the upper threshold when <see langword="null"/>.</summary>
    public double? UpperClear { get; set; }

    /// <summary>Gets or sets the level a value must be at or above to count as clear (hysteresis); the lower threshold when <see langword="null"/>.</summary>
    public double? LowerClear { get; set; }

    /// <summary>Gets or sets how many consecutive breaching observations raise an alert.</summary>
    public int Buckets { get; set; } = RuleConstants.Buckets;

    /// <summary>Gets or sets how many consecutive clear observations end an alert, so that the next breach can alert again.</summary>
    public int ClearBuckets { get; set; } = RuleConstants.ClearBuckets;

    /// <summary>
    /// Gets or sets the longest gap between two observations that keeps a run of breaching (or clear) observations going;
    /// a longer gap (missing buckets) restarts the run. No limit when <see langword="null"/>.
    /// </summary>
    public TimeSpan? MaxGap { get; set; }

    /// <summary>
    /// Gets or sets the tolerance of the spatial rule as a fraction of the range seen so far: a value that far outside the
    /// seen minimum or maximum scores 1. A negative value turns the rule off.
    /// </summary>
    public double SpatialTolerance { get; set; } = RuleConstants.SpatialTolerance;

    internal double EffectiveUpperClear => UpperClear ?? UpperThreshold;

    internal double EffectiveLowerClear => LowerClear ?? LowerThreshold;

    internal RuleOptions ValidatedCopy()
    {
        var copy = (RuleOptions)MemberwiseClone();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copy.Buckets, nameof(Buckets));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copy.ClearBuckets, nameof(ClearBuckets));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(copy.EffectiveUpperClear, copy.UpperThreshold, nameof(UpperClear));
        ArgumentOutOfRangeException.ThrowIfLessThan(copy.EffectiveLowerClear, copy.LowerThreshold, nameof(LowerClear));
        if (copy.MaxGap is { } gap)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(gap, TimeSpan.Zero, nameof(MaxGap));
        }

        return copy;
    }
}
