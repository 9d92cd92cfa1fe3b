using MeshClient.Discovery;
using MeshClient.LoadBalancing;
using MeshClient.Resilience;
using Polly;

namespace MeshClient.Http;

/// <summary>
/// The resilient request path: the service's pipeline (total timeout, retry within the budget) runs attempts; each
/// attempt picks an instance not tried yet, runs through that instance's pipeline (breaker, attempt timeout), rewrites,
/// sends and records its outcome once. State travels as structs and the pooled Polly context; the happy path allocates
/// no closure and no tried-set.
/// </summary>
internal sealed partial class MeshHttpHandler
{
    private async Task<HttpResponseMessage> SendResilientAsync(
        ServiceEntry entry, ResiliencePipeline<HttpResponseMessage> pipeline, HttpRequestMessage request, Uri original, int tailStart, CancellationToken cancellationToken)
    {
        var start = _time.GetTimestamp();
        entry.Touch(start);
        var balancer = entry.Balancer;
        var hedged = false;
        if (balancer.Settings is { } settings)
        {
            entry.Budget.Deposit(start, settings.Resilience.Retry.Budget);
            if (balancer.HedgingPipeline is { } hedging && TransientFailures.CanHedge(request, settings.Resilience.Hedging))
            {
                pipeline = hedging;
                hedged = true;
            }
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        if (hedged)
        {
            // Shared by the attempts of the call, so that a hedged attempt goes to an instance not already tried.
            context.Properties.Set(ServicePipeline.Attempts, new AttemptLog());
        }

        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static (ctx, call) => call.Handler.AttemptAsync(ctx, call),
                context,
                new Call(this, entry, request, original, tailStart, hedged, cancellationToken)).ConfigureAwait(false);
            outcome.ThrowIfException();
            if (hedged)
            {
                outcome.Result!.RequestMessage = request;
            }

            return outcome.Result!;
        }
        finally
        {
            request.RequestUri = original;
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One attempt: pick (excluding instances already tried), run the instance's pipeline, note whether a retry may follow.</summary>
    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(ResilienceContext context, Call call)
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
        try
        {
            var pick = new PickContext(call.Request, null, _time.GetTimestamp());
            var first = balancer.Picker.Pick(pick) ?? throw NoInstance(entry);
            state = InstanceExclusion.Pick(balancer.Picker, balancer.Candidates, pick, log, first, _catalog.Random);
        }
        catch (Exception ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
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
        var outcome = await attempt.ExecuteOutcomeAsync(
            static (ctx, a) => a.Call.Handler.SendOnceAsync(ctx, a.Call, a.State, a.OutcomeToken),
            context,
            new Attempt(call, state, outcomeToken)).ConfigureAwait(false);

        if (TransientFailures.IsTransient(outcome, callToken, out var retryAfter) && TransientFailures.CanResend(call.Request, resilience.Retry))
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

    /// <summary>Rewrites, sends and records the outcome of one attempt; synchronous when the inner handler is.</summary>
    private ValueTask<Outcome<HttpResponseMessage>> SendOnceAsync(ResilienceContext context, Call call, InstanceState state, CancellationToken outcomeToken)
    {
        var request = call.Request;
        long start;
        try
        {
            start = _time.GetTimestamp();
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
    private readonly record struct Call(MeshHttpHandler Handler, ServiceEntry Entry, HttpRequestMessage Request, Uri Original, int TailStart, bool Hedged, CancellationToken CallerToken);

    private readonly record struct Attempt(Call Call, InstanceState State, CancellationToken OutcomeToken);
}
