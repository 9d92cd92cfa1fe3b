namespace MeshClient.Anomaly;

internal static class CusumConstants
{
    public const double Alpha = 0.01;
    public const double Slack = 0.5;
    public const double Limit = 8.0;
    public const double Clip = 4.0;
    public const int WarmupObservations = 30;
    public const double AlertLevel = 0.5;
    public const int CooldownObservations = 100;
}
