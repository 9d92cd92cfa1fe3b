namespace MeshClient.Health;

/// <summary>Why an instance was ejected, as tag values and event reasons.</summary>
internal static class HealthReasons
{
    public const string Consecutive5xx = "consecutive_5xx";

    public const string ConsecutiveGatewayFailure = "consecutive_gateway_failure";

    public const string SuccessRate = "success_rate";

    public const string FailurePercentage = "failure_percentage";
}
