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

    /// <summary>Envoy's <c>success_rate_minimum_hosts</c>, 5.</summary>
    public const int DefaultSuccessRateMinimumHosts = 5;

    /// <summary>Envoy's <c>success_rate_request_volume</c>, 100.</summary>
    public const int DefaultSuccessRateRequestVolume = 100;

    /// <summary>Envoy's <c>success_rate_stdev_factor</c>, 1900 (1.9 standard deviations).</summary>
    public const int DefaultSuccessRateStdevFactor = 1900;

    /// <summary>Envoy's <c>enforcing_success_rate</c>, 100 %.</summary>
    public const int DefaultEnforcingSuccessRate = 100;

    /// <summary>Envoy's <c>failure_percentage_threshold</c>, 85 %.</summary>
    public const int DefaultFailurePercentageThreshold = 85;

    /// <summary>Envoy's <c>failure_percentage_minimum_hosts</c>, 5.</summary>
    public const int DefaultFailurePercentageMinimumHosts = 5;

    /// <summary>Envoy's <c>failure_percentage_request_volume</c>, 50.</summary>
    public const int DefaultFailurePercentageRequestVolume = 50;

    /// <summary>Longest penalty a 429's <c>Retry-After</c> may impose on an instance (Envoy's <c>max_ejection_time</c>, 300 s).</summary>
    public static readonly TimeSpan DefaultMaxRetryAfterPenalty = TimeSpan.FromSeconds(300);

    /// <summary>Envoy's slow start <c>aggression</c>, 1.0 (linear).</summary>
    public const double DefaultSlowStartAggression = 1.0;

    /// <summary>Envoy's slow start <c>min_weight_percent</c>, 10 %.</summary>
    public const int DefaultSlowStartMinWeightPercent = 10;

    /// <summary>Picker rebuilds during a slow start window (the share grows in this many steps).</summary>
    public const int SlowStartSteps = 5;

    /// <summary>Re-picks when a warming instance is declined, before its pick is taken anyway.</summary>
    public const int SlowStartRepicks = 2;

    /// <summary>The path of active health checks.</summary>
    public const string DefaultCheckPath = "/health";

    /// <summary>Time between rounds of active checks (Consul's usual 10 s).</summary>
    public static readonly TimeSpan DefaultCheckInterval = TimeSpan.FromSeconds(10);

    /// <summary>Most random time added to an interval (Envoy's <c>interval_jitter</c>).</summary>
    public static readonly TimeSpan DefaultCheckJitter = TimeSpan.FromSeconds(1);

    /// <summary>Time one active check may take.</summary>
    public static readonly TimeSpan DefaultCheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Failed checks in a row that make an instance unhealthy (Kubernetes' <c>failureThreshold</c>).</summary>
    public const int DefaultUnhealthyThreshold = 3;

    /// <summary>Passed checks in a row that make an instance healthy again.</summary>
    public const int DefaultHealthyThreshold = 2;
}
