using System.ComponentModel.DataAnnotations;

namespace MeshClient.Resilience;

/// <summary>
/// The retry budget of a service, as Finagle's and Linkerd's: within a sliding <see cref="Window"/>, retries may not
/// exceed <see cref="RetryRatio"/> × requests + <see cref="MinRetriesPerSecond"/> × seconds, so that a dead service never
/// causes a retry storm (<c>...:Resilience:Retry:Budget</c>).
/// </summary>
public sealed class RetryBudgetOptions
{
    /// <summary>Gets or sets the retries allowed per request, from 0 to 1. Default 0.2, as Finagle's <c>percentCanRetry</c> and Linkerd's <c>retryRatio</c>.</summary>
    [Range(0.0, 1.0)]
    public double RetryRatio { get; set; } = ResilienceConstants.DefaultRetryRatio;

    /// <summary>
    /// Gets or sets the retries allowed per second whatever the traffic, for callers that send little. The floor accrues
    /// with time from when the service is first called, up to one <see cref="Window"/>'s worth. Default 10, as Finagle and Linkerd.
    /// </summary>
    [Range(0, 10_000)]
    public int MinRetriesPerSecond { get; set; } = ResilienceConstants.DefaultMinRetriesPerSecond;

    /// <summary>Gets or sets how long requests and retries count. Default 10 s, as Finagle's and Linkerd's <c>ttl</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Window { get; set; } = ResilienceConstants.DefaultBudgetWindow;
}
