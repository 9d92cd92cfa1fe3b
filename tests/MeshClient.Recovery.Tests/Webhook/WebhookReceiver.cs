using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MeshClient.Recovery.Tests.Webhook;

/// <summary>One request the receiver saw: its exact body bytes and headers.</summary>
internal sealed record ReceivedWebhook(byte[] Body, string? IdempotencyKey, string? Signature, string? Timestamp, string? ContentType, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A Kestrel app on <c>127.0.0.1:{ephemeral}</c> that records every POST and answers the scripted status codes in order,
/// then <see cref="Then"/>.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    private WebhookReceiver(WebApplication app, IEnumerable<int> script)
    {
        _app = app;
        _script = new(script);
    }

    public Uri Url { get; private set; } = null!;

    public int Then { get; init; } = StatusCodes.Status200OK;

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync(params int[] script)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "webhook-receiver", Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build(), script);
        receiver._app.Run(receiver.AnswerAsync);
        await receiver._app.StartAsync();
        receiver.Url = new Uri(new Uri(receiver._app.Urls.Single()), "/hooks/recovery");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _received.Enqueue(new ReceivedWebhook(
            body.ToArray(),
            headers.GetValueOrDefault("Idempotency-Key"),
            headers.GetValueOrDefault("X-Mesh-Signature"),
            headers.GetValueOrDefault("X-Mesh-Timestamp"),
            context.Request.ContentType,
            headers));
        context.Response.StatusCode = _script.TryDequeue(out var code) ? code : Then;
    }
}
