using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace MeshClient.Recovery;

/// <summary>
/// POSTs the webhook document for <c>webhook</c> and <c>scale-out</c>: the body is written and signed once, then sent
/// through a Polly pipeline (retry with exponential back-off and jitter around a per-attempt timeout) on the injected
/// <see cref="TimeProvider"/>, with the same bytes, <c>Idempotency-Key</c> and signature on every attempt.
/// </summary>
internal sealed partial class WebhookSender(
    IHttpClientFactory httpClientFactory, IOptionsMonitor<RecoveryWebhookOptions> options, TimeProvider time, ILogger<WebhookSender> logger)
{
    private WebhookPipeline? _pipeline;

    public async ValueTask<RecoveryActionResult> SendAsync(string requestedAction, RecoveryActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = options.CurrentValue;
        if (!WebhookUrl.TryParse(current.Url, out var url))
        {
            return RecoveryActionResult.Failure($"{requestedAction} needs an absolute http or https {WebhookConstants.SectionName}:Url.");
        }

        var pipeline = Pipeline(current);
        var sentAt = time.GetUtcNow();
        var attempt = new WebhookAttempt(url, WebhookPayload.Write(requestedAction, context, sentAt), context.IdempotencyKey, sentAt, current);
        var display = WebhookUrl.Display(url);
        var client = httpClientFactory.CreateClient(WebhookConstants.HttpClientName);
        Log.Sending(logger, requestedAction, display, context.PolicyName, context.Rung);
        try
        {
            using var response = await pipeline.Pipeline.ExecuteAsync(
                static (state, ct) => state.Attempt.SendAsync(state.Client, ct), (Attempt: attempt, Client: client), cancellationToken).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                Log.Sent(logger, requestedAction, display, code, attempt.Attempts);
                return RecoveryActionResult.Success($"POST {display} answered {code} after {attempt.Attempts} attempt(s).");
            }

            Log.Failed(logger, requestedAction, display, $"HTTP {code}", attempt.Attempts);
            return RecoveryActionResult.Failure($"POST {display} answered {code} after {attempt.Attempts} attempt(s).");
        }
        catch (Exception ex) when (WebhookRetry.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            Log.Failed(logger, requestedAction, display, ex.GetType().Name, attempt.Attempts);
            return RecoveryActionResult.Failure($"POST {display} failed ({ex.GetType().Name}) after {attempt.Attempts} attempt(s).");
        }
    }

    private WebhookPipeline Pipeline(RecoveryWebhookOptions current)
    {
        var pipeline = _pipeline;
        if (pipeline is null || !ReferenceEquals(pipeline.Options, current))
        {
            pipeline = new WebhookPipeline(current, WebhookRetry.Build(current, time, logger));
            _pipeline = pipeline;
        }

        return pipeline;
    }

    private sealed record WebhookPipeline(RecoveryWebhookOptions Options, ResiliencePipeline<HttpResponseMessage> Pipeline);

    /// <summary>One webhook delivery: the fixed body and headers, and a count of attempts.</summary>
    private sealed class WebhookAttempt(Uri url, byte[] body, string idempotencyKey, DateTimeOffset sentAt, RecoveryWebhookOptions options)
    {
        private readonly string? _signature = string.IsNullOrEmpty(options.Secret) ? null : RecoveryWebhookSignature.Compute(body, options.Secret);
        private readonly string _timestamp = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public async ValueTask<HttpResponseMessage> SendAsync(HttpClient client, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Version = HttpVersion.Version11 };
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(WebhookConstants.MediaType) { CharSet = "utf-8" };
            foreach (var (name, value) in options.Headers)
            {
                if (!WebhookUrl.IsReservedHeader(name))
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }
            }

            request.Headers.TryAddWithoutValidation(WebhookConstants.IdempotencyKeyHeader, idempotencyKey);
            request.Headers.TryAddWithoutValidation(WebhookConstants.TimestampHeader, _timestamp);
            if (_signature is not null)
            {
                request.Headers.TryAddWithoutValidation(WebhookConstants.SignatureHeader, _signature);
            }

            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
    }
}
