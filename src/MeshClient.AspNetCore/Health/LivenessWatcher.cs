using MeshClient.Events;
using MeshClient.Health;
using MeshClient.Registration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshClient.AspNetCore.Health;

/// <summary>
/// Watches liveness: every <see cref="MeshProbeOptions.MirrorInterval"/> from the host's start it evaluates the checks
/// tagged <see cref="MeshHealthTags.Live"/> and publishes a <see cref="ProbeStatusChangedEvent"/> (probe <c>liveness</c>)
/// when the result changes between passing and failing. A check that throws counts as failing.
/// </summary>
internal sealed partial class LivenessWatcher(
    HealthCheckService checks,
    IMeshRegistration registration,
    IHostApplicationLifetime lifetime,
    IOptions<MeshProbeOptions> options,
    TimeProvider time,
    ILogger<LivenessWatcher> logger,
    IMeshEventStream events) : IHostedService, IDisposable
{
    private readonly ProbeTransitions _transitions = new(ProbeStatusChangedEvent.Liveness, events, registration, time);
    private ProbeLoop? _loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop ??= new ProbeLoop(time, () => options.Value.MirrorInterval, EvaluateAsync, ex => Log.WatchFailed(logger, ex.Message));
        _loop.StartWhenStarted(lifetime);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _loop?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public void Dispose() => _loop?.Dispose();

    /// <summary>Evaluates liveness once; returns the event published, if it changed.</summary>
    internal async Task<ProbeStatusChangedEvent?> EvaluateAsync(CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(static r => r.Tags.Contains(MeshHealthTags.Live), cancellationToken);
        var changed = _transitions.Observe(report);
        if (changed is not null)
        {
            Log.LivenessChanged(logger, changed.Healthy, changed.Reason);
        }

        return changed;
    }
}
