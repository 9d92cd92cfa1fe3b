using MeshClient.Discovery;
using MeshClient.LoadBalancing;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MeshClient.Resilience;

/// <summary>
/// Builds the call pipeline of one service with Polly: the total timeout outside a retry whose every attempt picks an
/// instance not tried yet (the attempt's own pipeline, <see cref="InstanceResilience"/>, holds the attempt timeout and
/// the instance's breaker). A retry needs a retryable outcome (<see cref="AttemptLog.Retryable"/>, set by the attempt)
/// and a withdrawal from the service's <see cref="RetryBudget"/>.
/// </summary>
internal static class ServicePipeline
{
    /// <summary>The attempts of the current call, in the Polly context; absent until the first retryable failure.</summary>
    public static readonly ResiliencePropertyKey<AttemptLog> Attempts = new("MeshClient.Attempts");

    public static ResiliencePipeline<HttpResponseMessage> Build(ResilienceOptions options, ServiceEntry entry, ServiceCatalog catalog)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = catalog.Time, Name = "mesh-service", InstanceName = entry.Name };
        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.TotalTimeout });
        var retry = options.Retry;
        if (retry.MaxRetries > 0)
        {
            var random = catalog.Random;
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                Randomizer = () => random.NextIndex(int.MaxValue) / (double)int.MaxValue,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context, args.AttemptNumber, retry, entry, catalog)),
                DelayGenerator = static args => new ValueTask<TimeSpan?>(
                    args.Context.Properties.TryGetValue(Attempts, out var log) ? log.RetryAfter : null),
            });
        }

        return builder.Build();
    }

    private static bool ShouldRetry(ResilienceContext context, int attempt, RetryOptions options, ServiceEntry entry, ServiceCatalog catalog)
    {
        if (!context.Properties.TryGetValue(Attempts, out var log) || !log.Retryable || attempt >= options.MaxRetries)
        {
            return false;
        }

        var allowed = entry.Budget.TryWithdraw(catalog.Time.GetTimestamp(), options.Budget);
        catalog.Metrics.Retry(entry.Name, allowed);
        return allowed;
    }
}
