using MeshClient.Discovery;
using MeshClient.Events;
using MeshClient.Health;
using MeshClient.Registration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshClient.AspNetCore.Health;

/// <summary>
/// Mirrors readiness into the registry status: every <see cref="MeshProbeOptions.MirrorInterval"/> it evaluates the
/// <c>ready</c> checks (except the registration check itself, which would feed back) and pushes Down when not ready,
/// Up when ready, once the change has held for <see cref="MeshProbeOptions.MirrorDebounce"/>. The first evaluation
/// after the host started is pushed at once, so an instance that starts unready does not stay Up for a debounce.
/// Every evaluation also feeds <see cref="ProbeStatusChangedEvent"/> (probe <c>readiness</c>, transitions only, not
/// debounced) to the mesh event stream; that runs even when <see cref="MeshProbeOptions.MirrorReadiness"/> is off.
/// </summary>
internal sealed partial class ReadinessStatusMirror(
    HealthCheckService checks,
    IMeshRegistration registration,
    IHostApplicationLifetime lifetime,
    IOptions<MeshProbeOptions> options,
    TimeProvider time,
    ILogger<ReadinessStatusMirror> logger,
    IMeshEventStream events) : IHostedService, IDisposable
{
    private readonly ProbeTransitions _transitions = new(ProbeStatusChangedEvent.Readiness, events, registration, time);
    private InstanceStatus? _pushed;
    private InstanceStatus? _candidate;
    private long _candidateSince;
    private ProbeLoop? _loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop ??= new ProbeLoop(time, () => options.Value.MirrorInterval, EvaluateAsync, ex => Log.MirrorFailed(logger, ex.Message));
        _loop.StartWhenStarted(lifetime);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _loop?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public void Dispose() => _loop?.Dispose();

    /// <summary>
    /// Evaluates readiness once, publishes a readiness change and, when mirroring, pushes a status when due; returns the
    /// status pushed, if any.
    /// </summary>
    internal async Task<InstanceStatus?> EvaluateAsync(CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(
            static r => r.Name != HealthProbeConstants.RegistrationCheck && r.Tags.Contains(MeshHealthTags.Ready), cancellationToken);
        if (_transitions.Observe(report) is { } changed)
        {
            Log.ReadinessChanged(logger, changed.Healthy, changed.Reason);
        }

        if (!options.Value.MirrorReadiness)
        {
            return null;
        }

        if (registration.Current?.Instance.Status == InstanceStatus.OutOfService)
        {
            // OUT_OF_SERVICE set by a drain, an operator or recovery's drain-self wins: the mirror only moves Up <-> Down,
            // and whoever took the instance out puts it back (restore sets Up).
            _candidate = null;
            return null;
        }

        var status = report.Status == HealthStatus.Unhealthy ? InstanceStatus.Down : InstanceStatus.Up;
        var now = time.GetTimestamp();
        if (status == _pushed)
        {
            _candidate = null;
            return null;
        }

        if (status != _candidate)
        {
            _candidate = status;
            _candidateSince = now;
        }

        if (_pushed is not null && time.GetElapsedTime(_candidateSince, now) < options.Value.MirrorDebounce)
        {
            return null;
        }

        await registration.SetStatusAsync(status, cancellationToken);
        Log.StatusMirrored(logger, status, report.Status);
        _pushed = status;
        _candidate = null;
        return status;
    }
}
