namespace MeshClient.Anomaly;

/// <summary>Options of the two-sided Page-Hinkley change detector (<see cref="AnomalyDetectors.CreatePageHinkley"/>).</summary>
public sealed class PageHinkleyOptions
{
    /// <summary>Gets or sets the smoothing factor of the EWMA deviation that standardises the values, in (0, 1).</summary>
    public double Alpha { get; set; } = PageHinkleyConstants.Alpha;

    /// <summary>Gets or sets the tolerance <c>δ</c> in standard deviations subtracted from every deviation.</summary>
    public double Delta { get; set; } = PageHinkleyConstants.Delta;

    /// <summary>Gets or sets the threshold <c>λ</c> in standard deviations; a statistic at <c>λ</c> scores 0.5 and restarts.</summary>
    public double Lambda { get; set; } = PageHinkleyConstants.Lambda;

    /// <summary>Gets or sets the fading factor of the cumulative sums, in (0, 1]; 1 never forgets.</summary>
    public double Fading { get; set; } = PageHinkleyConstants.Fading;

    /// <summary>Gets or sets how many observations are learned before any score above 0.</summary>
    public int WarmupObservations { get; set; } = PageHinkleyConstants.WarmupObservations;

    /// <summary>Gets or sets the score at or above which an alert starts a cool-down.</summary>
    public double AlertLevel { get; set; } = PageHinkleyConstants.AlertLevel;

    /// <summary>Gets or sets how many observations after an alert are reported as 0; 0 turns the cool-down off.</summary>
    public int CooldownObservations { get; set; } = PageHinkleyConstants.CooldownObservations;

    internal PageHinkleyOptions ValidatedCopy()
    {
        var copy = (PageHinkleyOptions)MemberwiseClone();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copy.Alpha, nameof(Alpha));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(copy.Alpha, 1.0, nameof(Alpha));
        ArgumentOutOfRangeException.ThrowIfNegative(copy.Delta, nameof(Delta));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copy.Lambda, nameof(Lambda));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copy.Fading, nameof(Fading));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(copy.Fading, 1.0, nameof(Fading));
        ArgumentOutOfRangeException.ThrowIfNegative(copy.WarmupObservations, nameof(WarmupObservations));
        ArgumentOutOfRangeException.ThrowIfNegative(copy.CooldownObservations, nameof(CooldownObservations));
        return copy;
    }

    internal PageHinkleyModel CreateModel() => new(Alpha, Delta, Lambda, Fading, WarmupObservations);
}
