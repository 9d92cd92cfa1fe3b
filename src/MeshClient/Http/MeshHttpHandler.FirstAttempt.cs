using MeshClient.Resilience;
using Polly;

namespace MeshClient.Http;

/// <summary>
/// The first attempt of an unhedged call runs outside the service's pipeline: its attempt timeout lies within the total
/// timeout (validated), so on the happy path neither the total timeout nor the retry strategy has anything to do. Only a
/// retryable failure enters the service pipeline, with what is left of the total timeout; the pipeline's first callback
/// hands back that failure, so that the retry (budget, backoff, <c>Retry-After</c>, another instance) decides exactly as
/// if the first attempt had run inside it.
/// </summary>
internal sealed partial class MeshHttpHandler
{
    private static async ValueTask<Outcome<HttpResponseMessage>> AwaitFirstAsync(
        ResiliencePipeline<HttpResponseMessage> pipeline, ResilienceContext context, Call call, ValueTask<Outcome<HttpResponseMessage>> first)
        => await ContinueAfterFirst(pipeline, context, call, await first.ConfigureAwait(false)).ConfigureAwait(false);

    private static ValueTask<Outcome<HttpResponseMessage>> ContinueAfterFirst(
        ResiliencePipeline<HttpResponseMessage> pipeline, ResilienceContext context, Call call, Outcome<HttpResponseMessage> outcome)
    {
        if (!context.Properties.TryGetValue(ServicePipeline.Attempts, out var log) || !log.Retryable
            || call.Entry.Balancer.Settings is not { Resilience.Retry.MaxRetries: > 0 } settings)
        {
            return new(outcome);
        }

        var time = call.Handler._time;
        var remaining = settings.Resilience.TotalTimeout - time.GetElapsedTime(call.Start);
        if (remaining <= TimeSpan.Zero)
        {
            return new(outcome);
        }

        context.Properties.Set(ServicePipeline.RemainingTotal, remaining);
        return pipeline.ExecuteOutcomeAsync(
            static (ctx, retry) => retry.First.TryTake(out var first) ? new(first) : retry.Call.Handler.AttemptAsync(ctx, retry.Call),
            context,
            new Retry(call, new FirstOutcome(outcome)));
    }

    private readonly record struct Retry(Call Call, FirstOutcome First);

    /// <summary>The first attempt's outcome, handed to the service pipeline's first callback once.</summary>
    private sealed class FirstOutcome(Outcome<HttpResponseMessage> outcome)
    {
        private int _taken;

        public bool TryTake(out Outcome<HttpResponseMessage> first)
        {
            first = outcome;
            return Interlocked.Exchange(ref _taken, 1) == 0;
        }
    }
}
