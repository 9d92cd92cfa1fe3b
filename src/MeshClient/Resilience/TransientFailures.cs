using System.Net;
using MeshClient.Http;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MeshClient.Resilience;

/// <summary>
/// Which outcomes of an attempt may be retried on another instance: connection failures and resets, attempt timeouts,
/// an open instance breaker, 502, 503, 504 and 429 (whose <c>Retry-After</c> is honoured). A call cancelled by its
/// caller or by the total timeout is never retried.
/// </summary>
internal static class TransientFailures
{
    public static bool IsTransient(in Outcome<HttpResponseMessage> outcome, CancellationToken callToken, out TimeSpan? retryAfter)
    {
        retryAfter = null;
        if (callToken.IsCancellationRequested)
        {
            return false;
        }

        if (outcome.Result is { } response)
        {
            var status = response.StatusCode;
            if (status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.TooManyRequests)
            {
                retryAfter = RetryAfterOf(response);
                return true;
            }

            return false;
        }

        return outcome.Exception switch
        {
            TimeoutRejectedException or BrokenCircuitException => true,
            NoInstanceAvailableException => false,
            { } error => MeshHttpHandler.Classify(null, error, callToken) is RequestOutcomeKind.ConnectionFailure or RequestOutcomeKind.Timeout,
            _ => false,
        };
    }

    /// <summary>Failures that count against an instance's breaker: 5xx, connection failures, timeouts (not 429: the instance is alive).</summary>
    public static bool IsInstanceFailure(in Outcome<HttpResponseMessage> outcome, CancellationToken callerToken)
    {
        if (outcome.Result is { } response)
        {
            return (int)response.StatusCode >= 500;
        }

        return outcome.Exception is TimeoutRejectedException
            || (outcome.Exception is { } error && MeshHttpHandler.Classify(null, error, callerToken) is RequestOutcomeKind.ConnectionFailure or RequestOutcomeKind.Timeout);
    }

    /// <summary>Whether the request may be sent again: an idempotent method (or opted in), and content that can be read again.</summary>
    public static bool CanResend(HttpRequestMessage request, RetryOptions options) => CanSendAgain(request, options.RetryNonIdempotent);

    /// <summary>Whether the request may be hedged: an idempotent method (or opted in), and content that can be sent twice.</summary>
    public static bool CanHedge(HttpRequestMessage request, HedgingOptions options) => CanSendAgain(request, options.HedgeNonIdempotent);

    /// <summary>The delay a response's <c>Retry-After</c> asks for (delta, or date against the response's <c>Date</c>).</summary>
    public static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta > TimeSpan.Zero ? delta : TimeSpan.Zero;
        }

        return retryAfter.Date is { } date && response.Headers.Date is { } now && date > now ? date - now : null;
    }

    private static bool CanSendAgain(HttpRequestMessage request, bool nonIdempotent)
    {
        var method = request.Method;
        if (!nonIdempotent && (method == HttpMethod.Post || method == HttpMethod.Patch || method == HttpMethod.Connect))
        {
            return false;
        }

        return request.Content is null or ByteArrayContent or ReadOnlyMemoryContent;
    }
}
