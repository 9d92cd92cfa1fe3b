using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MeshClient.Recovery;

/// <summary>The webhook's Polly pipeline: retry (5xx, 408, 429, transport errors, attempt timeouts) around a per-attempt timeout.</summary>
internal static class WebhookRetry
{
    public static ResiliencePipeline<HttpResponseMessage> Build(RecoveryWebhookOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time, Name = "mesh-recovery-webhook" };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                Delay = options.BaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = static args => new ValueTask<bool>(args.Outcome.Exception is { } ex ? IsTransient(ex) : IsRetryable(args.Outcome.Result!.StatusCode)),
                OnRetry = args =>
                {
                    var outcome = args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                    WebhookSender.Log.Retrying(logger, args.AttemptNumber + 1, outcome, args.RetryDelay);
                    return default;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.Timeout });
        return builder.Build();
    }

    /// <summary>Gets a value indicating whether a failed attempt may succeed when repeated: a transport error or an attempt timeout.</summary>
    public static bool IsTransient(Exception exception)
        => exception is HttpRequestException or TimeoutRejectedException or IOException;

    /// <summary>Gets a value indicating whether an answer is worth a retry: 5xx, 408 or 429; never another 4xx.</summary>
    public static bool IsRetryable(HttpStatusCode code)
        => (int)code >= 500 || code is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
