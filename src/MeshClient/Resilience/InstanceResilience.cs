using MeshClient.Discovery;
using MeshClient.LoadBalancing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MeshClient.Resilience;

/// <summary>
/// The attempt pipeline of one instance: its own Polly circuit breaker around the attempt timeout. Built lazily on the
/// instance's first attempt and again when the service's resilience settings change; it lives as long as the instance.
/// </summary>
internal sealed class InstanceResilience
{
    private readonly Lock _gate = new();
    private volatile Built? _built;

    public ResiliencePipeline<HttpResponseMessage> Get(ResilienceOptions options, ServiceEntry entry, InstanceState state, TimeProvider time)
    {
        var built = _built;
        if (built is not null && ReferenceEquals(built.Options, options))
        {
            return built.Pipeline;
        }

        lock (_gate)
        {
            built = _built;
            if (built is null || !ReferenceEquals(built.Options, options))
            {
                built = new Built(options, Build(options, entry, state, time));
                _built = built;
            }

            return built.Pipeline;
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> Build(ResilienceOptions options, ServiceEntry entry, InstanceState state, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time, Name = "mesh-instance", InstanceName = state.Instance.InstanceId };
        var breaker = options.CircuitBreaker;
        if (breaker.Enabled)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
                ShouldHandle = static args => new ValueTask<bool>(TransientFailures.IsInstanceFailure(args.Outcome, args.Context.CancellationToken)),
                OnOpened = args =>
                {
                    entry.Health.OnBreakerOpened(state, args.BreakDuration);
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    entry.Health.OnBreakerHalfOpened(state);
                    return default;
                },
                OnClosed = _ =>
                {
                    entry.Health.OnBreakerClosed(state);
                    return default;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout });
        return builder.Build();
    }

    private sealed record Built(ResilienceOptions Options, ResiliencePipeline<HttpResponseMessage> Pipeline);
}
