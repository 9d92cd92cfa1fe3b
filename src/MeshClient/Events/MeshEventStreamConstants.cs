namespace MeshClient.Events;

/// <summary>Defaults of the event stream.</summary>
public static class MeshEventStreamConstants
{
    /// <summary>The default number of unread events a subscription buffers.</summary>
    public const int DefaultCapacity = 1024;
}
