namespace MeshClient.Anomaly;

internal static class PageHinkleyConstants
{
    public const double Alpha = 0.01;
    public const double Delta = 0.5;
    public const double Lambda = 20.0;
    public const double Fading = 0.9999;
    public const int WarmupObservations = 30;
    public const double AlertLevel = 0.5;
    public const int CooldownObservations = 100;
}
