namespace MeshClient.Health;

/// <summary>Defaults of per-instance health, taken from Envoy except where a comment says why not.</summary>
internal static class HealthConstants
{
    /// <summary>Envoy's <c>healthy_panic_threshold</c>, 50 %.</summary>
    public const int DefaultPanicThresholdPercent = 50;

    /// <summary>Envoy's <c>consecutive_5xx</c>, 5.</summary>
    public const int DefaultConsecutive5xx = 5;

    /// <summary>Envoy's <c>consecutive_gateway_failure</c>, 5.</summary>
    public const int DefaultConsecutiveGatewayFailure = 5;

    /// <summary>Envoy's <c>base_ejection_time</c>, 30 s.</summary>
    public static readonly TimeSpan DefaultBaseEjectionTime = TimeSpan.FromSeconds(30);

    /// <summary>Envoy's <c>max_ejection_time</c>, 300 s.</summary>
    public static readonly TimeSpan DefaultMaxEjectionTime = TimeSpan.FromSeconds(300);

    /// <summary>Envoy's <c>interval</c>, 10 s: an instance that stays in for this long has its ejection multiplier decreased by one.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// 50 %, not Envoy's 10 %: with Envoy's arithmetic ((ejected + 1) / instances within the limit) 10 % lets no instance of
    /// a service with fewer than 10 instances be ejected, and client-side fleets are usually that small. 50 % matches the
    /// panic threshold, so ejection alone never sends a service into panic.
    /// </summary>
    public const int DefaultMaxEjectionPercent = 50;
}
