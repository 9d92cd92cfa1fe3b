using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MeshClient.Resilience;

/// <summary>
/// Retries of transient failures (connection errors, timeouts, 502, 503, 504 and 429), each on an instance not tried
/// yet, with exponential backoff and jitter, within a retry budget (<c>...:Resilience:Retry</c>).
/// </summary>
public sealed class RetryOptions
{
    /// <summary>Gets or sets the most retries after the first attempt; 0 turns retries off. Default 3, as Polly.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = ResilienceConstants.DefaultMaxRetries;

    /// <summary>Gets or sets the base of the exponential backoff (with jitter). Default 25 ms, as Envoy's <c>base_interval</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan BaseDelay { get; set; } = ResilienceConstants.DefaultBaseDelay;

    /// <summary>Gets or sets the longest backoff (a <c>Retry-After</c> of a 429 or 503 is honoured beyond it). Default 250 ms, as Envoy's <c>max_interval</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxDelay { get; set; } = ResilienceConstants.DefaultMaxDelay;

    /// <summary>Gets or sets a value indicating whether POST and PATCH requests are retried too. Default false: they are not idempotent.</summary>
    public bool RetryNonIdempotent { get; set; }

    /// <summary>Gets or sets the retry budget (<c>...:Resilience:Retry:Budget</c>).</summary>
    [ValidateObjectMembers]
    public RetryBudgetOptions Budget { get; set; } = new();
}
