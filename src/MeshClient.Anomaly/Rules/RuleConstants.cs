namespace MeshClient.Anomaly;

internal static class RuleConstants
{
    public const int Buckets = 1;
    public const int ClearBuckets = 1;
    public const double SpatialTolerance = 0.05;
}
