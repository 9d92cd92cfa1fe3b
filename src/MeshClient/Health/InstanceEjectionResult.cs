namespace MeshClient.Health;

/// <summary>What <see cref="IInstanceHealthControl.Eject"/> did.</summary>
public enum InstanceEjectionResult
{
    /// <summary>The instance is ejected now.</summary>
    Ejected,

    /// <summary>The instance was already ejected; nothing changed.</summary>
    AlreadyEjected,

    /// <summary>The service or instance is not known to this client.</summary>
    UnknownInstance,

    /// <summary>Ejecting it would exceed <see cref="OutlierDetectionOptions.MaxEjectionPercent"/>; it stays in.</summary>
    MaxEjectionPercentReached,
}
