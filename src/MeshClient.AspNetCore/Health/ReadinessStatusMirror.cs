using MeshClient.Discovery;
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
/// </summary>
internal sealed partial class ReadinessStatusMirror(
    HealthCheckService checks,
    IMeshRegistration registration,
    IHostApplicationLifetime lifetime,
    IOptions<MeshProbeOptions> options,
    TimeProvider time,
    ILogger<ReadinessStatusMirror> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private CancellationTokenRegistration _started;
    private Task _loop = Task.CompletedTask;
    private InstanceStatus? _pushed;
    private InstanceStatus? _candidate;
    private long _candidateSince;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MirrorReadiness)
        {
            _started = lifetime.ApplicationStarted.Register(
                static state => ((ReadinessStatusMirror)state!).StartLoop(), this);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }
    }

    public void Dispose()
    {
        _started.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Evaluates readiness once and pushes a status when due; returns the status pushed, if any.</summary>
    internal async Task<InstanceStatus?> EvaluateAsync(CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(
            static r => r.Name != HealthProbeConstants.RegistrationCheck && r.Tags.Contains(HealthProbeConstants.ReadyTag), cancellationToken);
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

    private void StartLoop() => _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await EvaluateAsync(cancellationToken);
                await Task.Delay(options.Value.MirrorInterval, time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.MirrorFailed(logger, ex.Message);
                try
                {
                    await Task.Delay(options.Value.MirrorInterval, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
