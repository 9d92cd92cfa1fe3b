using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MeshClient.IntegrationTests.Resilience;

/// <summary>How a <see cref="FaultyInstance"/> answers.</summary>
internal enum Behavior
{
    Ok,
    Unavailable,
    Hang,

    /// <summary>429 with <c>Retry-After: 30</c>.</summary>
    RateLimited,
}

/// <summary>
/// A Kestrel app on <c>127.0.0.1:{ephemeral}</c> that answers 200, 503, 429 or never, counts hits and signals each one,
/// records requests its caller aborted, and serves <c>/health</c> (200 or 503 as <see cref="Healthy"/> says; not a hit).
/// </summary>
internal sealed class FaultyInstance : IAsyncDisposable
{
    public const string InstanceHeader = "X-Instance-Id";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private TaskCompletionSource _nextHit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _hits;
    private long _healthChecks;

    private FaultyInstance(string id, WebApplication app)
    {
        Id = id;
        _app = app;
    }

    public string Id { get; }

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}";

    public Behavior Behavior { get; set; }

    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Gets or sets a value indicating whether <c>/health</c> answers 200 (else 503).</summary>
    public bool Healthy { get; set; } = true;

    /// <summary>Gets the requests to <c>/health</c>.</summary>
    public long HealthChecks => Interlocked.Read(ref _healthChecks);

    /// <summary>Gets a task that completes when a request's <c>HttpContext.RequestAborted</c> fires.</summary>
    public Task Aborted => _aborted.Task;

    /// <summary>Gets a task that completes at the next hit.</summary>
    public Task NextHit
    {
        get
        {
            lock (_gate)
            {
                return _nextHit.Task;
            }
        }
    }

    public static async Task<FaultyInstance> StartAsync(string id)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = id, Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var instance = new FaultyInstance(id, builder.Build());
        instance._app.Run(instance.AnswerAsync);
        await instance._app.StartAsync();
        instance.Port = new Uri(instance._app.Urls.Single()).Port;
        return instance;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        if (context.Request.Path == "/health")
        {
            Interlocked.Increment(ref _healthChecks);
            context.Response.StatusCode = Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            return;
        }

        context.RequestAborted.Register(static s => ((TaskCompletionSource)s!).TrySetResult(), _aborted);
        var behavior = Behavior;
        Interlocked.Increment(ref _hits);
        TaskCompletionSource hit;
        lock (_gate)
        {
            hit = _nextHit;
            _nextHit = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        hit.TrySetResult();
        context.Response.Headers[InstanceHeader] = Id;
        switch (behavior)
        {
            case Behavior.Unavailable:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            case Behavior.RateLimited:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "30";
                return;
            case Behavior.Hang:
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }

                return;
            default:
                await context.Response.WriteAsync(Id);
                return;
        }
    }
}
