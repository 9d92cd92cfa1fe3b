using MeshClient.Discovery;
using MeshClient.Events;
using MeshClient.Registration;

namespace MeshClient.AspNetCore.Tests.Health;

/// <summary>Records what is published.</summary>
internal sealed class RecordingEvents : IMeshEventStream
{
    public List<MeshEvent> Published { get; } = [];

    public long DroppedCount => 0;

    public void Publish(MeshEvent meshEvent)
    {
        lock (Published)
        {
            Published.Add(meshEvent);
        }
    }

    public MeshEventSubscription Subscribe(int capacity = MeshEventStreamConstants.DefaultCapacity) => throw new NotSupportedException();
}

/// <summary>Records the statuses pushed; <see cref="Current"/> is settable.</summary>
internal sealed class RecordingRegistration : IMeshRegistration
{
    public List<InstanceStatus> Pushed { get; } = [];

    public RegistrationState State => RegistrationState.Registered;

    public ServiceRegistration? Current { get; set; }

    public static ServiceRegistration Of(string serviceName, string instanceId) =>
        new(new ServiceInstance(serviceName, instanceId, "http", "127.0.0.1", 5000), [], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(90));

    public Task SetStatusAsync(InstanceStatus status, CancellationToken cancellationToken)
    {
        Pushed.Add(status);
        return Task.CompletedTask;
    }

    public Task DeregisterAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
