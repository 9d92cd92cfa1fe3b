using MeshClient.Discovery;
using MeshClient.LoadBalancing;
using Polly;
using Polly.Hedging;
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

    /// <summary>What is left of the total timeout when an unhedged call enters the pipeline after its first attempt.</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> RemainingTotal = new("MeshClient.RemainingTotal");

    /// <summary>Set by the hedging strategy on the context of a hedged attempt (not the first one), which sends a copy of the request.</summary>
    public static readonly ResiliencePropertyKey<bool> HedgedAttempt = new("MeshClient.HedgedAttempt");

    /// <param name="options">The service's resilience settings.</param>
    /// <param name="entry">The service.</param>
    /// <param name="catalog">The catalog.</param>
    /// <param name="hedged">Whether to add Polly's hedging inside the retry (for requests that may be hedged).</param>
    public static ResiliencePipeline<HttpResponseMessage> Build(ResilienceOptions options, ServiceEntry entry, ServiceCatalog catalog, bool hedged = false)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = catalog.Time, Name = "mesh-service", InstanceName = entry.Name };
        // A call whose first attempt ran outside this pipeline (an unhedged call: MeshHttpHandler.FirstAttempt.cs) enters
        // with what is left of its total timeout.
        var total = options.TotalTimeout;
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args => new ValueTask<TimeSpan>(args.Context.Properties.TryGetValue(RemainingTotal, out var remaining) ? remaining : total),
        });
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
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context, args.Outcome, args.AttemptNumber, retry, entry, catalog)),
                DelayGenerator = static args => new ValueTask<TimeSpan?>(
                    args.Context.Properties.TryGetValue(Attempts, out var log) ? log.RetryAfter : null),
            });
        }

        if (hedged)
        {
            AddHedging(builder, options.Hedging, entry, catalog);
        }

        return builder.Build();
    }

    /// <summary>Polly's hedging: after the delay (fixed, or the service's p95) a hedged attempt goes to another instance; the first acceptable outcome wins and the others are cancelled.</summary>
    private static void AddHedging(ResiliencePipelineBuilder<HttpResponseMessage> builder, HedgingOptions hedging, ServiceEntry entry, ServiceCatalog catalog)
    {
        builder.AddHedging(new HedgingStrategyOptions<HttpResponseMessage>
        {
            MaxHedgedAttempts = hedging.MaxHedgedAttempts,
            Delay = hedging.Delay,
            DelayGenerator = !hedging.AdaptiveDelay ? null
                : _ => new ValueTask<TimeSpan>(entry.Latency.P95(catalog.Time.GetTimestamp(), ResilienceConstants.AdaptiveDelayMinSamples) ?? hedging.Delay),
            ShouldHandle = static args => new ValueTask<bool>(TransientFailures.IsTransient(args.Outcome, args.Context.CancellationToken, out _)),
            ActionGenerator = static args =>
            {
                args.ActionContext.Properties.Set(HedgedAttempt, true);
                return () => args.Callback(args.ActionContext);
            },
            OnHedging = _ =>
            {
                catalog.Metrics.Hedge(entry.Name);
                return default;
            },
        });
    }

    private static bool ShouldRetry(ResilienceContext context, in Outcome<HttpResponseMessage> outcome, int attempt, RetryOptions options, ServiceEntry entry, ServiceCatalog catalog)
    {
        // With hedging, attempts of one call run at once and share the log: the outcome itself must be transient too.
        if (!context.Properties.TryGetValue(Attempts, out var log) || !log.Retryable || attempt >= options.MaxRetries
            || !TransientFailures.IsTransient(outcome, context.CancellationToken, out _))
        {
            return false;
        }

        var allowed = entry.Budget.TryWithdraw(catalog.Time.GetTimestamp(), options.Budget);
        catalog.Metrics.Retry(entry.Name, allowed);
        return allowed;
    }
}
