namespace MeshClient.Anomaly;

internal static class EnsembleConstants
{
    public const EnsembleMembers Members = EnsembleMembers.EwmaZScore | EnsembleMembers.Seasonal;
    public const double SpatialTolerance = 0.05;
    public const double AlertLevel = 0.5;
    public const int CooldownObservations = 100;
}
