using Microsoft.Extensions.Hosting;

namespace MeshClient.Recovery.Tests.Actions;

/// <summary>Counts <see cref="StopApplication"/> calls.</summary>
internal sealed class FakeHostApplicationLifetime : IHostApplicationLifetime
{
    public CancellationToken ApplicationStarted => CancellationToken.None;

    public CancellationToken ApplicationStopping => CancellationToken.None;

    public CancellationToken ApplicationStopped => CancellationToken.None;

    public int StopRequests { get; private set; }

    public void StopApplication() => StopRequests++;
}
