namespace MeshClient.AspNetCore.Drain;

/// <summary>The graceful drain on shutdown (SIGTERM, <c>StopApplication</c>), bound from <c>Mesh:Drain</c>.</summary>
public sealed class MeshDrainOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether the host drains before it stops (<c>Mesh:Drain:Enabled</c>). When off,
    /// readiness still fails once the host is stopping, but nothing is pushed and nothing waits. Default <see langword="true"/>.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets how long the host keeps serving after readiness turned failing and the instance was taken out of
    /// service, so that Kubernetes endpoints and mesh clients (registry fetch interval) stop routing here
    /// (<c>Mesh:Drain:Delay</c>); the drain then waits for in-flight requests. Default 5 s.
    /// </summary>
    public TimeSpan Delay { get; set; } = DrainConstants.DefaultDelay;

    /// <summary>
    /// Gets or sets the deadline of the whole drain, counted from its start (<c>Mesh:Drain:Timeout</c>): the host stops
    /// then even with requests in flight. Keep it below <c>HostOptions.ShutdownTimeout</c> (30 s by default) so that
    /// deregistration still runs. Default 20 s.
    /// </summary>
    public TimeSpan Timeout { get; set; } = DrainConstants.DefaultTimeout;
}
