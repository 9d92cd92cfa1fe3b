namespace MeshClient.Anomaly;

internal static class SeasonalConstants
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(1);
    public const int Slots = 288;
    public const double Alpha = 0.01;
    public const double Gamma = 0.2;
    public const double DeviationAlpha = 0.01;
    public const int WarmupObservations = 30;
    public const double ZScale = 4.0;
    public const double AlertLevel = 0.5;
    public const int CooldownObservations = 100;
}
