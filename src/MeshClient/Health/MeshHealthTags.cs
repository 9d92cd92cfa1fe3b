namespace MeshClient.Health;

/// <summary>
/// The health-check tags the probe endpoints select on. A check tagged <see cref="Ready"/> gates readiness, one tagged
/// <see cref="Live"/> gates liveness (only checks that a restart would fix). Every MeshClient package tags its checks
/// with these.
/// </summary>
public static class MeshHealthTags
{
    /// <summary>The readiness tag.</summary>
    public const string Ready = "ready";

    /// <summary>The liveness tag.</summary>
    public const string Live = "live";
}
