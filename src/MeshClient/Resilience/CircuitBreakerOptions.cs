using System.ComponentModel.DataAnnotations;

namespace MeshClient.Resilience;

/// <summary>
/// A Polly circuit breaker per instance (<c>...:Resilience:CircuitBreaker</c>): when it opens, the balancer skips the
/// instance until <see cref="BreakDuration"/> has passed, then it admits one trial request (half-open).
/// </summary>
public sealed class CircuitBreakerOptions
{
    /// <summary>Gets or sets a value indicating whether each instance has a breaker. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the share of failed requests in the sampling duration that opens the breaker. Default 0.1, as Polly.</summary>
    [Range(0.001, 1.0)]
    public double FailureRatio { get; set; } = ResilienceConstants.DefaultFailureRatio;

    /// <summary>Gets or sets the requests an instance must see in the sampling duration before its breaker may open. Default 100, as Polly.</summary>
    [Range(2, 1_000_000)]
    public int MinimumThroughput { get; set; } = ResilienceConstants.DefaultMinimumThroughput;

    /// <summary>Gets or sets the window over which failures are counted. Default 30 s, as Polly.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan SamplingDuration { get; set; } = ResilienceConstants.DefaultSamplingDuration;

    /// <summary>Gets or sets how long the breaker stays open. Default 5 s, as Polly.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan BreakDuration { get; set; } = ResilienceConstants.DefaultBreakDuration;
}
