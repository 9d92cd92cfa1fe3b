namespace MeshClient.Anomaly;

internal static class IsolationForestConstants
{
    public const int Trees = 100;
    public const int SampleSize = 256;
    public const ulong Seed = 20080101;
    public const int WindowLength = 1024;
    public const int RetrainInterval = 256;
    public const double AlertLevel = 0.7;
    public const int CooldownObservations = 100;
}
