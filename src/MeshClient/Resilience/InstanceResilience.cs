using MeshClient.Discovery;
using MeshClient.LoadBalancing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MeshClient.Resilience;

/// <summary>
/// The attempt pipeline of one instance: its own Polly circuit breaker around the attempt timeout. Built lazily on the
/// instance's first attempt and again when the service's resilience settings change; it lives as long as the instance.
/// Each breaker has its own Polly <see cref="CircuitBreakerManualControl"/>, so that a reset can close it.
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
                var control = options.CircuitBreaker.Enabled ? new CircuitBreakerManualControl() : null;
                built = new Built(options, Build(options, entry, state, time, control), control);
                _built = built;
            }

            return built.Pipeline;
        }
    }

    /// <summary>Closes the breaker now, whatever its state (Polly calls no callback when it is closed already).</summary>
    public void Close()
    {
        if (_built?.Control is not { } control)
        {
            return;
        }

        var closing = control.CloseAsync(CancellationToken.None);
        if (!closing.IsCompleted)
        {
            // Observe a failure of a breaker callback rather than leave it unobserved.
            _ = closing.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> Build(
        ResilienceOptions options, ServiceEntry entry, InstanceState state, TimeProvider time, CircuitBreakerManualControl? control)
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
                ManualControl = control,
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

    private sealed record Built(ResilienceOptions Options, ResiliencePipeline<HttpResponseMessage> Pipeline, CircuitBreakerManualControl? Control);
}
