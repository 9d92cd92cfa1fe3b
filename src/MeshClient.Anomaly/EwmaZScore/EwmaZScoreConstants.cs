namespace MeshClient.Anomaly;

internal static class EwmaZScoreConstants
{
    public const double Alpha = 0.005;
    public const int WarmupObservations = 50;
    public const double ZScale = 4.0;
    public const double AlertLevel = 0.5;
    public const int CooldownObservations = 100;
}
