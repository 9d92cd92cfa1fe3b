using Microsoft.Extensions.Hosting;

namespace MeshDemo.Hosting;

/// <summary>
/// The lifetime of the hosts the demo runs side by side in one process: the demo owns Ctrl+C and stops every host
/// itself, so no host listens for signals or prints "Application started".
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
