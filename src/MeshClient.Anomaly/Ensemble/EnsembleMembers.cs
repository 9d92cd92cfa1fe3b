namespace MeshClient.Anomaly;

/// <summary>The statistical members an ensemble combines; each one's surprise is calibrated by its own anomaly likelihood.</summary>
[Flags]
public enum EnsembleMembers
{
    /// <summary>No statistical member: only the spatial rule.</summary>
    None = 0,

    /// <summary>The EWMA z-score (level spikes, dips and shifts).</summary>
    EwmaZScore = 1,

    /// <summary>The seasonal Holt-Winters residual (deviations from the daily profile).</summary>
    Seasonal = 2,

    /// <summary>The robust median/MAD z-score over a window.</summary>
    MedianMad = 4,

    /// <summary>The two-sided CUSUM statistic (persistent mean shifts).</summary>
    Cusum = 8,

    /// <summary>The two-sided Page-Hinkley statistic (drift and change points).</summary>
    PageHinkley = 16,

    /// <summary>The Isolation Forest score over lagged features.</summary>
    IsolationForest = 32,
}
