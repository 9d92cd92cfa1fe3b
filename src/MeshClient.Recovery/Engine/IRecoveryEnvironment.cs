using MeshClient.Events;

namespace MeshClient.Recovery;

/// <summary>What the coordinator needs of the rest of the process: its identity, instance counts, and a way to publish events.</summary>
internal interface IRecoveryEnvironment
{
    /// <summary>Gets this process's registered service name, if known.</summary>
    string? SelfService { get; }

    /// <summary>Gets this process's registered instance id, if known.</summary>
    string? SelfInstance { get; }

    /// <summary>Gets the service provider handed to actions.</summary>
    IServiceProvider Services { get; }

    /// <summary>Returns how many instances of a peer service are known (0 when unknown).</summary>
    int InstanceCount(string service);

    /// <summary>Publishes an event of the engine on the mesh event stream.</summary>
    void Publish(MeshEvent meshEvent);
}
