namespace MeshClient.Anomaly;

internal static class AnomalyLikelihoodConstants
{
    public const double Alpha = 0.005;
    public const int AveragingWindow = 30;
    public const int HistoryLength = 1000;
    public const int LearningObservations = 150;
    public const int EstimationObservations = 150;
    public const int ReestimationPeriod = 100;
    public const double SpatialTolerance = 0.05;
    public const double AlertLevel = 0.5;
    public const int CooldownObservations = 50;

    /// <summary>Tail probability of the red zone: only the first observation of a red run keeps its full score.</summary>
    public const double RedTail = 1e-5;

    /// <summary>Tail probability that later observations of a red run are lowered to.</summary>
    public const double YellowTail = 1e-3;

    /// <summary>Floor of the estimated variance of the averaged score.</summary>
    public const double MinimumVariance = 3e-4;
}
