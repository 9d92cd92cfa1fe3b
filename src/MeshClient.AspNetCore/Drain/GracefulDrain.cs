using MeshClient.AspNetCore.Health;
using MeshClient.Discovery;
using MeshClient.Registration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshClient.AspNetCore.Drain;

/// <summary>
/// Drains this instance when the host stops, before the server stops accepting: readiness fails at once
/// (<see cref="IsDraining"/>), the readiness mirror stops, the registry status becomes
/// <see cref="InstanceStatus.OutOfService"/>, then the host keeps serving for <see cref="MeshDrainOptions.Delay"/> and
/// until no request is in flight or <see cref="MeshDrainOptions.Timeout"/> has passed. It starts on
/// <see cref="IHostApplicationLifetime.ApplicationStopping"/> (SIGTERM) or on <see cref="StoppingAsync"/>, whichever
/// comes first; the host awaits it in <see cref="StoppingAsync"/>, before any hosted service (Kestrel, then the
/// registration lifecycle, which deregisters) stops.
/// </summary>
internal sealed partial class GracefulDrain(
    IHostApplicationLifetime lifetime,
    IMeshRegistration registration,
    InFlightRequests requests,
    IOptions<MeshDrainOptions> options,
    IOptions<HostOptions> hostOptions,
    TimeProvider time,
    ILogger<GracefulDrain> logger,
    ReadinessStatusMirror? mirror = null) : IHostedLifecycleService, IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenRegistration _stopping;
    private Task? _drain;
    private volatile bool _draining;

    /// <summary>Gets a value indicating whether the host is stopping, so that readiness must fail.</summary>
    public bool IsDraining => _draining;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.Enabled && hostOptions.Value.ShutdownTimeout <= o.Timeout)
        {
            Log.TimeoutExceedsShutdown(logger, o.Timeout, hostOptions.Value.ShutdownTimeout);
        }

        _stopping = lifetime.ApplicationStopping.Register(static state => ((GracefulDrain)state!).Begin(), this);
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Begin().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.ShutdownTimeoutReached(logger, requests.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopping.Dispose();

    /// <summary>Starts the drain once; later calls return the same task.</summary>
    /// <returns>A task that completes when the drain has ended (drained or deadline).</returns>
    internal Task Begin()
    {
        lock (_gate)
        {
            if (_drain is null)
            {
                _draining = true;
                _drain = options.Value.Enabled ? DrainAsync() : Task.CompletedTask;
            }

            return _drain;
        }
    }

    private async Task DrainAsync()
    {
        var o = options.Value;
        var started = time.GetTimestamp();
        using var deadline = new CancellationTokenSource(o.Timeout, time);
        Log.DrainStarted(logger, requests.Count, o.Delay, o.Timeout);
        try
        {
            await TakeOutOfServiceAsync(deadline.Token);
            await Task.Delay(o.Delay, time, deadline.Token);
            await requests.WhenIdleAsync().WaitAsync(deadline.Token);
            Log.Drained(logger, time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Log.DeadlineReached(logger, o.Timeout, requests.Count);
        }
    }

    private async Task TakeOutOfServiceAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The mirror would push Down over OutOfService (the drain check fails readiness): stop it first.
            if (mirror is not null)
            {
                await mirror.StopAsync(cancellationToken);
            }

            await registration.SetStatusAsync(InstanceStatus.OutOfService, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A registry outage must not cut the drain short: readiness already fails, and the delay still runs.
            Log.OutOfServiceFailed(logger, ex.Message);
        }
    }
}
