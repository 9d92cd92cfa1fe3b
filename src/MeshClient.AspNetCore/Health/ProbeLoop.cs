using Microsoft.Extensions.Hosting;

namespace MeshClient.AspNetCore.Health;

/// <summary>
/// Runs one probe evaluation at once when the host has started, then every <c>interval</c> on the
/// <see cref="TimeProvider"/> until stopped; a failed evaluation is reported and the next one tries again. Shared by the
/// readiness mirror and the liveness watcher.
/// </summary>
internal sealed class ProbeLoop(TimeProvider time, Func<TimeSpan> interval, Func<CancellationToken, Task> evaluate, Action<Exception> failed) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private CancellationTokenRegistration _started;
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    /// <summary>Starts the loop once <paramref name="lifetime"/> signals that the host has started.</summary>
    public void StartWhenStarted(IHostApplicationLifetime lifetime)
        => _started = lifetime.ApplicationStarted.Register(static state => ((ProbeLoop)state!).Start(), this);

    /// <summary>Stops the loop and waits for it (at most until <paramref name="cancellationToken"/>).</summary>
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

    /// <summary>Stops the loop without waiting; idempotent (the container disposes the hosted service and the singleton).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _started.Dispose();

        // A host that never stopped it (failed start) must not leave the loop running on a disposed token.
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private void Start() => _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await evaluate(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must outlive a failed evaluation; the next one tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failed(ex);
            }

            try
            {
                await Task.Delay(interval(), time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
