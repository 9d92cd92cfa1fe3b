namespace MeshClient.Resilience;

/// <summary>Defaults of the resilience pipelines, each taken from the peer named beside it.</summary>
internal static class ResilienceConstants
{
    /// <summary>Total time of a call, all attempts and backoff included (Microsoft.Extensions.Http.Resilience's standard handler).</summary>
    public static readonly TimeSpan DefaultTotalTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Time of one attempt (Microsoft.Extensions.Http.Resilience's standard handler).</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt (Polly's MaxRetryAttempts, as Microsoft.Extensions.Http.Resilience's standard handler).</summary>
    public const int DefaultMaxRetries = 3;

    /// <summary>Base of the exponential backoff (Envoy's base_interval, 25 ms).</summary>
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(25);

    /// <summary>Cap of the exponential backoff (Envoy's max_interval: 10 × base_interval).</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>Retries allowed per request (Finagle's and Linkerd's percentCanRetry / retry_ratio, 20 %).</summary>
    public const double DefaultRetryRatio = 0.2;

    /// <summary>Retries allowed per second whatever the traffic (Finagle's and Linkerd's minRetriesPerSec, 10).</summary>
    public const int DefaultMinRetriesPerSecond = 10;

    /// <summary>How long a request deposit counts (Finagle's and Linkerd's ttl, 10 s).</summary>
    public static readonly TimeSpan DefaultBudgetWindow = TimeSpan.FromSeconds(10);

    /// <summary>Slots of the budget's sliding window.</summary>
    public const int BudgetSlots = 10;

    /// <summary>Failures per sampled request that open an instance's breaker (Polly's default, 10 %).</summary>
    public const double DefaultFailureRatio = 0.1;

    /// <summary>Requests an instance must see in the sampling duration before its breaker may open (Polly's default).</summary>
    public const int DefaultMinimumThroughput = 100;

    /// <summary>The breaker's sampling duration (Polly's default).</summary>
    public static readonly TimeSpan DefaultSamplingDuration = TimeSpan.FromSeconds(30);

    /// <summary>How long an instance's breaker stays open before it admits one trial request (Polly's default).</summary>
    public static readonly TimeSpan DefaultBreakDuration = TimeSpan.FromSeconds(5);

    /// <summary>Picks tried before scanning for an instance not tried yet.</summary>
    public const int ExclusionRepicks = 3;

    /// <summary>How long an attempt runs before a hedged one starts (Polly's hedging default, 2 s).</summary>
    public static readonly TimeSpan DefaultHedgingDelay = TimeSpan.FromSeconds(2);

    /// <summary>Hedged attempts after the first (Polly's MaxHedgedAttempts default, 1).</summary>
    public const int DefaultMaxHedgedAttempts = 1;

    /// <summary>Responses a service must have had in the latency window before its p95 replaces the fixed hedging delay.</summary>
    public const int AdaptiveDelayMinSamples = 20;

    /// <summary>How long a latency window lasts; the p95 is taken over the current and the previous window.</summary>
    public static readonly TimeSpan LatencyWindow = TimeSpan.FromSeconds(10);

    /// <summary>How long a computed p95 is reused before it is computed again.</summary>
    public static readonly TimeSpan LatencyRecompute = TimeSpan.FromSeconds(1);
}
