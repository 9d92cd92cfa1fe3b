namespace MeshClient.Discovery;

/// <summary>What the cache knows of a service.</summary>
internal enum ServiceEntryStatus
{
    /// <summary>The first fetch has not completed.</summary>
    Pending,

    /// <summary>A provider knows the service (its instance list may be empty).</summary>
    Found,

    /// <summary>No provider knows the service.</summary>
    NotFound,

    /// <summary>Every fetch so far failed: there is no snapshot.</summary>
    Failed,
}
