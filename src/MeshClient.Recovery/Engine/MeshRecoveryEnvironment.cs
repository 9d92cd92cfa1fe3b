using MeshClient.Discovery;
using MeshClient.Events;
using MeshClient.Registration;

namespace MeshClient.Recovery;

/// <summary>The environment from the core's registration, instance cache and event stream.</summary>
internal sealed class MeshRecoveryEnvironment(IServiceProvider services, IMeshEventStream events, IServiceInstanceCache? cache = null, IMeshRegistration? registration = null)
    : IRecoveryEnvironment
{
    public string? SelfService => registration?.Current?.Instance.ServiceName;

    /// <remarks>
    /// Before (or without) registration this process is <c>self</c>, the instance id the anomaly feed gives the series of
    /// the requests it serves (<c>Mesh:Anomaly:Inbound:InstanceId</c>'s default).
    /// </remarks>
    public string? SelfInstance => registration?.Current?.Instance.InstanceId ?? RecoveryConstants.SelfInstance;

    public IServiceProvider Services => services;

    public int InstanceCount(string service)
        => cache is not null && cache.TryGetSnapshot(service, out var snapshot) ? snapshot.Instances.Count : 0;

    public void Publish(MeshEvent meshEvent) => events.Publish(meshEvent);
}
