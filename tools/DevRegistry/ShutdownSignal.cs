using System.Runtime.InteropServices;

namespace DevRegistry;

/// <summary>Completes on the first Ctrl-C (SIGINT) or SIGTERM, which then no longer end the process abruptly.</summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly TaskCompletionSource<string> _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public ShutdownSignal()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Gets a task that completes with the signal's name.</summary>
    public Task<string> Received => _received.Task;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        _received.TrySetResult(context.Signal == PosixSignal.SIGINT ? "Ctrl-C" : "SIGTERM");
    }
}
