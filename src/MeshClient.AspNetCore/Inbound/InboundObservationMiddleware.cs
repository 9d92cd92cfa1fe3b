using MeshClient.AspNetCore.Health;
using MeshClient.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshClient.AspNetCore.Inbound;

/// <summary>
/// Hands the outcome of every served request (excluded paths aside) to each <see cref="IInboundRequestObserver"/>: the
/// response status, or 500 when the pipeline threw (the exception is rethrown), the duration from
/// <see cref="TimeProvider.GetTimestamp"/>, and whether the client aborted. Allocates nothing per request of its own:
/// a request that completes synchronously takes no state machine, the others only the one their await needs.
/// </summary>
internal sealed partial class InboundObservationMiddleware
{
    private readonly RequestDelegate _next;
    private readonly IInboundRequestObserver[] _observers;
    private readonly PathString[] _excluded;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public InboundObservationMiddleware(
        RequestDelegate next,
        IInboundRequestObserver[] observers,
        IOptions<MeshInboundOptions> options,
        IOptions<MeshProbeOptions> probes,
        TimeProvider time,
        ILogger<InboundObservationMiddleware> logger)
    {
        _next = next;
        _observers = observers;
        _time = time;
        _logger = logger;
        var p = probes.Value;
        var prefixes = options.Value.ExcludedPathPrefixes ?? [p.LivePath, p.ReadyPath, p.StartupPath, .. InboundConstants.DefaultExcludedPrefixes];
        _excluded = [.. prefixes.Select(static prefix => new PathString(prefix.TrimEnd('/').Length == 0 ? "/" : prefix.TrimEnd('/')))];
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (IsExcluded(context.Request.Path))
        {
            return _next(context);
        }

        var started = _time.GetTimestamp();
        Task pending;
        try
        {
            pending = _next(context);
        }
        catch (Exception) when (Report(context, started, threw: true))
        {
            // Never reached: Report returns false, so the exception goes on unchanged.
            throw;
        }

        if (!pending.IsCompletedSuccessfully)
        {
            return AwaitAsync(pending, context, started);
        }

        Report(context, started, threw: false);
        return Task.CompletedTask;
    }

    private async Task AwaitAsync(Task pending, HttpContext context, long started)
    {
        try
        {
            await pending;
        }
        catch (Exception) when (Report(context, started, threw: true))
        {
            // Never reached: Report returns false, so the exception goes on unchanged.
            throw;
        }

        Report(context, started, threw: false);
    }

    private bool IsExcluded(PathString path)
    {
        foreach (var prefix in _excluded)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reports one outcome to every observer; always returns <see langword="false"/> (used as an exception filter).</summary>
    private bool Report(HttpContext context, long started, bool threw)
    {
        var outcome = new InboundRequestOutcome(
            threw ? StatusCodes.Status500InternalServerError : context.Response.StatusCode,
            _time.GetElapsedTime(started),
            context.RequestAborted.IsCancellationRequested);
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnInboundRequestCompleted(in outcome);
            }
#pragma warning disable CA1031 // An observer's bug must not fail the request it observes.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.ObserverFailed(_logger, observer.GetType().Name, ex);
            }
        }

        return false;
    }
}
