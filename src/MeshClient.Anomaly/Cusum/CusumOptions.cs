namespace MeshClient.Anomaly;

/// <summary>Options of the two-sided CUSUM change detector (<see cref="AnomalyDetectors.CreateCusum"/>).</summary>
public sealed class CusumOptions
{
    /// <summary>Gets or sets the smoothing factor of the reference EWMA mean and variance, in (0, 1).</summary>
    public double Alpha { get; set; } = CusumConstants.Alpha;

    /// <summary>Gets or sets the slack <c>k</c> in standard deviations: half the smallest shift worth detecting.</summary>
    public double Slack { get; set; } = CusumConstants.Slack;

    /// <summary>Gets or sets the decision limit <c>h</c> in standard deviations; a sum at <c>h</c> scores 0.5 and restarts.</summary>
    public double Limit { get; set; } = CusumConstants.Limit;

    /// <summary>Gets or sets the largest standardised step one value adds to a sum, so that a single spike cannot alarm alone.</summary>
    public double Clip { get; set; } = CusumConstants.Clip;

    /// <summary>Gets or sets how many observations are learned before any score above 0.</summary>
    public int WarmupObservations { get; set; } = CusumConstants.WarmupObservations;

    /// <summary>Gets or sets the score at or above which an alert starts a cool-down.</summary>
    public double AlertLevel { get; set; } = CusumConstants.AlertLevel;

    /// <summary>Gets or sets how many observations after an alert are reported as 0; 0 turns the cool-down off.</summary>
    public int CooldownObservations { get; set; } = CusumConstants.CooldownObservations;

    internal CusumOptions ValidatedCopy()
    {
        var copy = (CusumOptions)MemberwiseClone();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copy.Alpha, nameof(Alpha));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(copy.Alpha, 1.0, nameof(Alpha));
        ArgumentOutOfRangeException.ThrowIfNegative(copy.Slack, nameof(Slack));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copy.Limit, nameof(Limit));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copy.Clip, nameof(Clip));
        ArgumentOutOfRangeException.ThrowIfNegative(copy.WarmupObservations, nameof(WarmupObservations));
        ArgumentOutOfRangeException.ThrowIfNegative(copy.CooldownObservations, nameof(CooldownObservations));
        return copy;
    }

    internal CusumModel CreateModel() => new(Alpha, Slack, Limit, Clip, WarmupObservations);
}
