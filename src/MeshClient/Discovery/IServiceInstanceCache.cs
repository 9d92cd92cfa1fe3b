using System.Diagnostics.CodeAnalysis;
using MeshClient.LoadBalancing;

namespace MeshClient.Discovery;

/// <summary>
/// The instance cache: the last known good instances of every service in use, refreshed in the background and on
/// provider change signals. A failed or malformed fetch never replaces a good snapshot.
/// </summary>
public interface IServiceInstanceCache
{
    /// <summary>Gets the names of the services currently tracked.</summary>
    IReadOnlyCollection<string> Services { get; }

    /// <summary>Returns the current snapshot of a tracked service without waiting.</summary>
    /// <param name="serviceName">The service (case-insensitive).</param>
    /// <param name="snapshot">The snapshot, when one was fetched.</param>
    /// <returns><see langword="true"/> when a snapshot exists.</returns>
    bool TryGetSnapshot(string serviceName, [NotNullWhen(true)] out ServiceSnapshot? snapshot);

    /// <summary>Returns the snapshot of a service, waiting for its first fetch if it is not tracked yet.</summary>
    /// <param name="serviceName">The service (case-insensitive).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The snapshot, or <see langword="null"/> when no provider knows the service or the first fetch failed.</returns>
    ValueTask<ServiceSnapshot?> GetSnapshotAsync(string serviceName, CancellationToken cancellationToken);

    /// <summary>Returns the live per-instance state of a tracked service (in flight, latency), or an empty list.</summary>
    /// <param name="serviceName">The service (case-insensitive).</param>
    /// <returns>The states, one per instance of the current snapshot.</returns>
    IReadOnlyList<InstanceState> GetInstanceStates(string serviceName);

    /// <summary>Fetches a service again now (single flight: joins a fetch already running).</summary>
    /// <param name="serviceName">The service (case-insensitive).</param>
    /// <param name="cancellationToken">Cancels the wait (not the fetch).</param>
    /// <returns>A task that completes when the fetch ended, whatever its outcome.</returns>
    Task RefreshAsync(string serviceName, CancellationToken cancellationToken);
}
