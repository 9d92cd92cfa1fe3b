namespace MeshClient.Events;

/// <summary>How serious a mesh event is.</summary>
public enum MeshEventSeverity
{
    /// <summary>Information: a normal change.</summary>
    Info,

    /// <summary>Something degraded but the mesh still serves.</summary>
    Warning,

    /// <summary>Something failed: requests are or will be affected.</summary>
    Critical,
}
