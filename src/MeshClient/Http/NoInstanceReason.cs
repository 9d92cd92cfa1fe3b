namespace MeshClient.Http;

/// <summary>Why no instance could be picked.</summary>
public enum NoInstanceReason
{
    /// <summary>The service is configured but no provider knows it.</summary>
    UnknownService,

    /// <summary>The service is known but has no registered instance.</summary>
    NoInstancesRegistered,

    /// <summary>Every instance is down, out of service or otherwise not eligible.</summary>
    AllInstancesUnavailable,

    /// <summary>Discovery of the service failed and there is no last good snapshot.</summary>
    DiscoveryFailed,
}
