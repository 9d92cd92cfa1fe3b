using MeshClient.Discovery;
using MeshClient.LoadBalancing;
using MeshClient.Resilience;
using Polly;

namespace MeshClient.Http;

/// <summary>
/// The resilient request path: the first attempt of an unhedged call runs on its own, and a retryable failure continues in
/// the service's pipeline (the rest of the total timeout, retry within the budget; MeshHttpHandler.FirstAttempt.cs); each
/// attempt picks an instance not tried yet, runs through that instance's pipeline (breaker, attempt timeout), rewrites,
/// sends and records its outcome once. State travels as structs and the pooled Polly context; the happy path allocates
/// no closure and no tried-set.
/// </summary>
internal sealed partial class MeshHttpHandler
{
    /// <summary>
    /// Runs the call through the service's pipeline. Not an async method: when the pipeline completes synchronously (an
    /// in-memory or cached inner handler) no state machine runs; otherwise <see cref="AwaitResilientAsync"/> takes over.
    /// Failures end in the returned task as an async method's would, never thrown.
    /// </summary>
    private Task<HttpResponseMessage> SendResilientAsync(
        ServiceEntry entry, ResiliencePipeline<HttpResponseMessage> pipeline, HttpRequestMessage request, Uri original, int tailStart, CancellationToken cancellationToken)
    {
        ResilienceContext? context = null;
        ValueTask<Outcome<HttpResponseMessage>> executing;
        var hedged = false;
        try
        {
            var start = _time.GetTimestamp();
            entry.Touch(start);
            var balancer = entry.Balancer;
            if (balancer.Settings is { } settings)
            {
                entry.Budget.Deposit(start, settings.Resilience.Retry.Budget);
                if (balancer.HedgingPipeline is { } hedging && TransientFailures.CanHedge(request, settings.Resilience.Hedging))
                {
                    pipeline = hedging;
                    hedged = true;
                }
            }

            context = ResilienceContextPool.Shared.Get(cancellationToken);
            var call = new Call(this, entry, request, original, tailStart, hedged, start, cancellationToken);
            if (hedged)
            {
                // Shared by the attempts of the call, so that a hedged attempt goes to an instance not already tried.
                context.Properties.Set(ServicePipeline.Attempts, new AttemptLog());
                executing = pipeline.ExecuteOutcomeAsync(static (ctx, call) => call.Handler.AttemptAsync(ctx, call), context, call);
            }
            else
            {
                // The first attempt runs outside the service pipeline (see MeshHttpHandler.FirstAttempt.cs).
                var first = AttemptAsync(context, call);
                executing = first.IsCompletedSuccessfully
                    ? ContinueAfterFirst(pipeline, context, call, first.Result)
                    : AwaitFirstAsync(pipeline, context, call, first);
            }
        }
        catch (Exception ex)
        {
            EndCall(request, original, context);
            return Faulted(ex);
        }

        if (!executing.IsCompleted)
        {
            return AwaitResilientAsync(executing, context, request, original, hedged);
        }

        try
        {
            return Task.FromResult(ResultOf(executing.Result, request, hedged));
        }
        catch (Exception ex)
        {
            return Faulted(ex);
        }
        finally
        {
            EndCall(request, original, context);
        }
    }

    private static async Task<HttpResponseMessage> AwaitResilientAsync(
        ValueTask<Outcome<HttpResponseMessage>> executing, ResilienceContext context, HttpRequestMessage request, Uri original, bool hedged)
    {
        try
        {
            return ResultOf(await executing.ConfigureAwait(false), request, hedged);
        }
        finally
        {
            EndCall(request, original, context);
        }
    }

    private static HttpResponseMessage ResultOf(in Outcome<HttpResponseMessage> outcome, HttpRequestMessage request, bool hedged)
    {
        outcome.ThrowIfException();
        if (hedged)
        {
            outcome.Result!.RequestMessage = request;
        }

        return outcome.Result!;
    }

    private static void EndCall(HttpRequestMessage request, Uri original, ResilienceContext? context)
    {
        request.RequestUri = original;
        if (context is not null)
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// One attempt: pick (excluding instances already tried), run the instance's pipeline, note whether a retry may follow.
    /// Not an async method, for the same reason as <see cref="SendResilientAsync"/>; a failure ends as an outcome.
    /// </summary>
    private ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(ResilienceContext context, Call call)
    {
        try
        {
            return StartAttempt(context, call);
        }
        catch (Exception ex)
        {
            return new(Outcome.FromException<HttpResponseMessage>(ex));
        }
    }

    private ValueTask<Outcome<HttpResponseMessage>> StartAttempt(ResilienceContext context, Call call)
    {
        var callToken = context.CancellationToken;
        var entry = call.Entry;
        var balancer = entry.Balancer;
        if (context.Properties.TryGetValue(ServicePipeline.Attempts, out var log))
        {
            log.Retryable = false;
            log.RetryAfter = null;
        }

        InstanceState state;
        long started;
        try
        {
            // The first attempt of an unhedged call (no log yet: a retry always has one) picks and sends at the call's start
            // timestamp, so the happy path reads the clock twice per request (start and end), not four times.
            started = log is null ? call.Start : _time.GetTimestamp();
            var pick = new PickContext(call.Request, null, started);
            var first = balancer.Picker.Pick(pick) ?? throw NoInstance(entry);
            state = InstanceExclusion.Pick(balancer.Picker, balancer.Candidates, pick, log, first, _catalog.Random);
        }
        catch (Exception ex)
        {
            return new(Outcome.FromException<HttpResponseMessage>(ex));
        }

        // A hedged call: note the instance before sending (a hedge must go elsewhere), and a hedged attempt sends a copy.
        // A loser cancelled by the hedging is not the instance's failure: its outcome is judged against this attempt's token.
        var outcomeToken = call.CallerToken;
        if (call.Hedged)
        {
            log?.Add(state);
            outcomeToken = callToken;
            if (context.Properties.TryGetValue(ServicePipeline.HedgedAttempt, out var hedge) && hedge)
            {
                call = call with { Request = HedgedRequest.Copy(call.Request) };
            }
        }

        var resilience = balancer.Settings!.Resilience;
        var attempt = state.Resilience.Get(resilience, entry, state, _time);
        var executing = attempt.ExecuteOutcomeAsync(
            static (ctx, a) => a.Call.Handler.SendOnceAsync(ctx, a.Call, a.State, a.Start, a.OutcomeToken),
            context,
            new Attempt(call, state, started, outcomeToken));
        return executing.IsCompletedSuccessfully
            ? new(NoteRetry(context, call, state, log, resilience.Retry, executing.Result, callToken))
            : AwaitAttemptOutcomeAsync(context, call, state, log, resilience.Retry, executing, callToken);
    }

    private static async ValueTask<Outcome<HttpResponseMessage>> AwaitAttemptOutcomeAsync(
        ResilienceContext context, Call call, InstanceState state, AttemptLog? log, RetryOptions retry, ValueTask<Outcome<HttpResponseMessage>> executing, CancellationToken callToken)
        => NoteRetry(context, call, state, log, retry, await executing.ConfigureAwait(false), callToken);

    /// <summary>Notes in the call's log whether the attempt's outcome may be retried on another instance.</summary>
    private static Outcome<HttpResponseMessage> NoteRetry(
        ResilienceContext context, Call call, InstanceState state, AttemptLog? log, RetryOptions retry, Outcome<HttpResponseMessage> outcome, CancellationToken callToken)
    {
        if (TransientFailures.IsTransient(outcome, callToken, out var retryAfter) && TransientFailures.CanResend(call.Request, retry))
        {
            if (log is null)
            {
                log = new AttemptLog();
                context.Properties.Set(ServicePipeline.Attempts, log);
            }

            log.Add(state);
            log.Retryable = true;
            log.RetryAfter = retryAfter;
        }

        return outcome;
    }

    /// <summary>
    /// Rewrites, sends and records the outcome of one attempt; synchronous when the inner handler is. The latency runs from
    /// <paramref name="start"/>, the attempt's pick, which the instance's pipeline (breaker, attempt timeout) only follows
    /// by its own synchronous bookkeeping.
    /// </summary>
    private ValueTask<Outcome<HttpResponseMessage>> SendOnceAsync(ResilienceContext context, Call call, InstanceState state, long start, CancellationToken outcomeToken)
    {
        var request = call.Request;
        try
        {
            var instance = state.Instance;
            request.RequestUri = call.TailStart == NoTail
                ? Rewrite(call.Original, instance)
                : ServiceUri.Combine(state, instance, call.Original.OriginalString.AsSpan(call.TailStart));
            state.OnRequestStarted();
            _metrics.RequestStarted(call.Entry.Name, instance.InstanceId);
        }
        catch (Exception ex)
        {
            return new(Outcome.FromException<HttpResponseMessage>(ex));
        }

        Task<HttpResponseMessage> sending;
        try
        {
            sending = base.SendAsync(request, context.CancellationToken);
        }
        catch (Exception ex)
        {
            sending = Task.FromException<HttpResponseMessage>(ex);
        }

        if (!sending.IsCompletedSuccessfully)
        {
            return AwaitAttemptAsync(call, state, start, sending, outcomeToken);
        }

        try
        {
            request.RequestUri = call.Original;
            Complete(call.Entry, state, start, sending.Result, null, outcomeToken);
            return new(Outcome.FromResult(sending.Result));
        }
        catch (Exception ex)
        {
            return new(Outcome.FromException<HttpResponseMessage>(ex));
        }
    }

    private async ValueTask<Outcome<HttpResponseMessage>> AwaitAttemptAsync(Call call, InstanceState state, long start, Task<HttpResponseMessage> sending, CancellationToken outcomeToken)
    {
        HttpResponseMessage? response = null;
        Exception? error = null;
        try
        {
            response = await sending.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        call.Request.RequestUri = call.Original;
        Complete(call.Entry, state, start, response, error, outcomeToken);
        return response is not null ? Outcome.FromResult(response) : Outcome.FromException<HttpResponseMessage>(error!);
    }

    /// <summary>What every attempt of one call needs, passed by value through Polly.</summary>
    private readonly record struct Call(MeshHttpHandler Handler, ServiceEntry Entry, HttpRequestMessage Request, Uri Original, int TailStart, bool Hedged, long Start, CancellationToken CallerToken);

    private readonly record struct Attempt(Call Call, InstanceState State, long Start, CancellationToken OutcomeToken);
}
