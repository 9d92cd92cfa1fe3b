using MeshClient.Discovery;
using MeshClient.Events;
using MeshClient.Registration;

namespace MeshClient.Recovery;

/// <summary>The environment from the core's registration, instance cache and event stream.</summary>
internal sealed class MeshRecoveryEnvironment(IServiceProvider services, IMeshEventStream events, IServiceInstanceCache? cache = null, IMeshRegistration? registration = null)
    : IRecoveryEnvironment
{
    public string? SelfService => registration?.Current?.Instance.ServiceName;

    public string? SelfInstance => registration?.Current?.Instance.InstanceId;

    public IServiceProvider Services => services;

    public int InstanceCount(string service)
        => cache is not null && cache.TryGetSnapshot(service, out var snapshot) ? snapshot.Instances.Count : 0;

    public void Publish(MeshEvent meshEvent) => events.Publish(meshEvent);
}
