namespace MeshClient.Anomaly;

/// <summary>Options of the robust median/MAD detector (<see cref="AnomalyDetectors.CreateMedianMad"/>).</summary>
public sealed class MedianMadOptions
{
    /// <summary>Gets or sets how many recent values the median and the MAD are taken over.</summary>
    public int Window { get; set; } = MedianMadConstants.Window;

    /// <summary>Gets or sets how many observations are learned before any score above 0.</summary>
    public int WarmupObservations { get; set; } = MedianMadConstants.WarmupObservations;

    /// <summary>Gets or sets the robust z-score that maps to an anomaly score of 0.5 (score = z / (z + scale)).</summary>
    public double ZScale { get; set; } = MedianMadConstants.ZScale;

    /// <summary>Gets or sets the score at or above which an alert starts a cool-down.</summary>
    public double AlertLevel { get; set; } = MedianMadConstants.AlertLevel;

    /// <summary>Gets or sets how many observations after an alert are reported as 0; 0 turns the cool-down off.</summary>
    public int CooldownObservations { get; set; } = MedianMadConstants.CooldownObservations;

    internal MedianMadOptions ValidatedCopy()
    {
        var copy = (MedianMadOptions)MemberwiseClone();
        ArgumentOutOfRangeException.ThrowIfLessThan(copy.Window, 3, nameof(Window));
        ArgumentOutOfRangeException.ThrowIfNegative(copy.WarmupObservations, nameof(WarmupObservations));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copy.ZScale, nameof(ZScale));
        ArgumentOutOfRangeException.ThrowIfNegative(copy.CooldownObservations, nameof(CooldownObservations));
        return copy;
    }

    internal MedianMadModel CreateModel() => new(Window, WarmupObservations);
}
