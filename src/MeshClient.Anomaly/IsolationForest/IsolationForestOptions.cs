namespace MeshClient.Anomaly;

/// <summary>Options of <see cref="IsolationForest"/> and of the univariate Isolation Forest detector (<see cref="AnomalyDetectors.CreateIsolationForest"/>).</summary>
public sealed class IsolationForestOptions
{
    /// <summary>Gets or sets the number of trees.</summary>
    public int Trees { get; set; } = IsolationForestConstants.Trees;

    /// <summary>Gets or sets the subsample size ψ each tree is grown on (256 in Liu, Ting and Zhou 2008).</summary>
    public int SampleSize { get; set; } = IsolationForestConstants.SampleSize;

    /// <summary>Gets or sets the seed: the same seed and the same data give the same forest and the same scores.</summary>
    public ulong Seed { get; set; } = IsolationForestConstants.Seed;

    /// <summary>Gets or sets how many recent feature vectors the univariate detector trains on (a rolling window).</summary>
    public int WindowLength { get; set; } = IsolationForestConstants.WindowLength;

    /// <summary>Gets or sets how many observations pass between two (synchronous) retrains of the univariate detector.</summary>
    public int RetrainInterval { get; set; } = IsolationForestConstants.RetrainInterval;

    /// <summary>Gets or sets the score at or above which an alert starts a cool-down.</summary>
    public double AlertLevel { get; set; } = IsolationForestConstants.AlertLevel;

    /// <summary>Gets or sets how many observations after an alert are reported as 0; 0 turns the cool-down off.</summary>
    public int CooldownObservations { get; set; } = IsolationForestConstants.CooldownObservations;

    internal IsolationForestOptions ValidatedCopy()
    {
        var copy = (IsolationForestOptions)MemberwiseClone();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copy.Trees, nameof(Trees));
        ArgumentOutOfRangeException.ThrowIfLessThan(copy.SampleSize, 2, nameof(SampleSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(copy.WindowLength, 2, nameof(WindowLength));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copy.RetrainInterval, nameof(RetrainInterval));
        ArgumentOutOfRangeException.ThrowIfNegative(copy.CooldownObservations, nameof(CooldownObservations));
        return copy;
    }
}
