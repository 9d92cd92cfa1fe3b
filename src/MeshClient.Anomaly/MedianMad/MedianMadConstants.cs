namespace MeshClient.Anomaly;

internal static class MedianMadConstants
{
    public const int Window = 256;
    public const int WarmupObservations = 30;
    public const double ZScale = 4.0;
    public const double AlertLevel = 0.5;
    public const int CooldownObservations = 100;
}
