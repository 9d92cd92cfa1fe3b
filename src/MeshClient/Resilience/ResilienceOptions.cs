using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MeshClient.Resilience;

/// <summary>
/// The resilience of calls through the mesh handler, bound from <c>Mesh:Resilience</c> (every service) or
/// <c>Mesh:Services:{name}:Resilience</c> (one service, replacing the global section as a whole).
/// </summary>
public sealed class ResilienceOptions
{
    /// <summary>Gets or sets a value indicating whether calls go through the pipelines (timeouts, retries, breakers). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets the time a call may take, every attempt and backoff included (Polly timeout outside the retry).
    /// Default 30 s, as Microsoft.Extensions.Http.Resilience's standard handler.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan TotalTimeout { get; set; } = ResilienceConstants.DefaultTotalTimeout;

    /// <summary>
    /// Gets or sets the time one attempt may take (Polly timeout inside the retry; a timed-out attempt is retried on
    /// another instance). Default 10 s, as Microsoft.Extensions.Http.Resilience's standard handler.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = ResilienceConstants.DefaultAttemptTimeout;

    /// <summary>Gets or sets the retry settings (<c>...:Resilience:Retry</c>).</summary>
    [ValidateObjectMembers]
    public RetryOptions Retry { get; set; } = new();

    /// <summary>Gets or sets the per-instance circuit breaker settings (<c>...:Resilience:CircuitBreaker</c>).</summary>
    [ValidateObjectMembers]
    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>Gets or sets the hedging settings (<c>...:Resilience:Hedging</c>); off by default.</summary>
    [ValidateObjectMembers]
    public HedgingOptions Hedging { get; set; } = new();
}
