using System.ComponentModel.DataAnnotations;

namespace MeshClient.Resilience;

/// <summary>
/// Hedging with Polly's hedging strategy (<c>...:Resilience:Hedging</c>): when an attempt has not answered after
/// <see cref="Delay"/> (or the service's observed p95 with <see cref="AdaptiveDelay"/>), a second attempt goes to another
/// instance; the first acceptable answer wins and the other attempt is cancelled. Off by default.
/// </summary>
public sealed class HedgingOptions
{
    /// <summary>Gets or sets a value indicating whether calls are hedged. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>Gets or sets how long an attempt runs before a hedged one starts. Default 2 s, as Polly's hedging <c>Delay</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan Delay { get; set; } = ResilienceConstants.DefaultHedgingDelay;

    /// <summary>
    /// Gets or sets a value indicating whether the delay is the service's observed p95 latency (over about the last
    /// 20 s), falling back to <see cref="Delay"/> until enough responses were seen. Default false.
    /// </summary>
    public bool AdaptiveDelay { get; set; }

    /// <summary>Gets or sets the hedged attempts after the first one. Default 1, as Polly's <c>MaxHedgedAttempts</c>.</summary>
    [Range(1, 10)]
    public int MaxHedgedAttempts { get; set; } = ResilienceConstants.DefaultMaxHedgedAttempts;

    /// <summary>Gets or sets a value indicating whether POST and PATCH requests are hedged too. Default false: they are not idempotent.</summary>
    public bool HedgeNonIdempotent { get; set; }
}
