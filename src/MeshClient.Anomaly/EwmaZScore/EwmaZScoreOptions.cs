namespace MeshClient.Anomaly;

/// <summary>Options of the EWMA z-score detector (<see cref="AnomalyDetectors.CreateEwmaZScore"/>).</summary>
public sealed class EwmaZScoreOptions
{
    /// <summary>Gets or sets the smoothing factor of the exponentially weighted mean and variance, in (0, 1).</summary>
    public double Alpha { get; set; } = EwmaZScoreConstants.Alpha;

    /// <summary>Gets or sets how many observations are learned before any score above 0.</summary>
    public int WarmupObservations { get; set; } = EwmaZScoreConstants.WarmupObservations;

    /// <summary>Gets or sets the z-score that maps to an anomaly score of 0.5 (score = z / (z + scale)).</summary>
    public double ZScale { get; set; } = EwmaZScoreConstants.ZScale;

    /// <summary>Gets or sets the score at or above which an alert starts a cool-down.</summary>
    public double AlertLevel { get; set; } = EwmaZScoreConstants.AlertLevel;

    /// <summary>Gets or sets how many observations after an alert are reported as 0; 0 turns the cool-down off.</summary>
    public int CooldownObservations { get; set; } = EwmaZScoreConstants.CooldownObservations;

    internal EwmaZScoreOptions ValidatedCopy()
    {
        var copy = (EwmaZScoreOptions)MemberwiseClone();
        copy.Validate();
        return copy;
    }

    private void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Alpha, nameof(Alpha));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(Alpha, 1.0, nameof(Alpha));
        ArgumentOutOfRangeException.ThrowIfNegative(WarmupObservations, nameof(WarmupObservations));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ZScale, nameof(ZScale));
        ArgumentOutOfRangeException.ThrowIfNegative(CooldownObservations, nameof(CooldownObservations));
    }
}
