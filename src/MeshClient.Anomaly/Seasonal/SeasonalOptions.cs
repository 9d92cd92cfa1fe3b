namespace MeshClient.Anomaly;

/// <summary>Options of the seasonal (Holt-Winters, per-period profile) detector (<see cref="AnomalyDetectors.CreateSeasonal"/>).</summary>
public sealed class SeasonalOptions
{
    /// <summary>Gets or sets the season length (one day by default); slots follow the timestamp's clock time within it.</summary>
    public TimeSpan Period { get; set; } = SeasonalConstants.Period;

    /// <summary>Gets or sets how many slots the period is divided into (288: five minutes each over a day).</summary>
    public int Slots { get; set; } = SeasonalConstants.Slots;

    /// <summary>Gets or sets the smoothing factor of the level, per observation, in (0, 1).</summary>
    public double Alpha { get; set; } = SeasonalConstants.Alpha;

    /// <summary>Gets or sets the smoothing factor of a slot's offset and deviation, per visit of the slot, in (0, 1).</summary>
    public double Gamma { get; set; } = SeasonalConstants.Gamma;

    /// <summary>Gets or sets the smoothing factor of the overall absolute residual, per observation, in (0, 1).</summary>
    public double DeviationAlpha { get; set; } = SeasonalConstants.DeviationAlpha;

    /// <summary>Gets or sets how many observations are learned before any score above 0.</summary>
    public int WarmupObservations { get; set; } = SeasonalConstants.WarmupObservations;

    /// <summary>Gets or sets the residual z-score that maps to an anomaly score of 0.5 (score = z / (z + scale)).</summary>
    public double ZScale { get; set; } = SeasonalConstants.ZScale;

    /// <summary>Gets or sets the score at or above which an alert starts a cool-down.</summary>
    public double AlertLevel { get; set; } = SeasonalConstants.AlertLevel;

    /// <summary>Gets or sets how many observations after an alert are reported as 0; 0 turns the cool-down off.</summary>
    public int CooldownObservations { get; set; } = SeasonalConstants.CooldownObservations;

    internal SeasonalOptions ValidatedCopy()
    {
        var copy = (SeasonalOptions)MemberwiseClone();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(copy.Period, TimeSpan.Zero, nameof(Period));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copy.Slots, nameof(Slots));
        ThrowIfNotFraction(copy.Alpha, nameof(Alpha));
        ThrowIfNotFraction(copy.Gamma, nameof(Gamma));
        ThrowIfNotFraction(copy.DeviationAlpha, nameof(DeviationAlpha));
        ArgumentOutOfRangeException.ThrowIfNegative(copy.WarmupObservations, nameof(WarmupObservations));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copy.ZScale, nameof(ZScale));
        ArgumentOutOfRangeException.ThrowIfNegative(copy.CooldownObservations, nameof(CooldownObservations));
        return copy;
    }

    internal SeasonalModel CreateModel() => new(Period, Slots, Alpha, Gamma, DeviationAlpha, WarmupObservations);

    private static void ThrowIfNotFraction(double value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, 1.0, name);
    }
}
