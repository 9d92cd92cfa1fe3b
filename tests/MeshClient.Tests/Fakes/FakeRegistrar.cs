using System.Collections.Concurrent;
using MeshClient.Discovery;
using MeshClient.Registration;

namespace MeshClient.Tests.Fakes;

/// <summary>A registrar that counts its calls and answers as programmed (by attempt number, from 1).</summary>
internal sealed class FakeRegistrar(string name) : IServiceRegistrar
{
    public string Name => name;

    public CallCounter Registers { get; } = new();

    public CallCounter Renews { get; } = new();

    public CallCounter StatusPushes { get; } = new();

    public CallCounter Deregisters { get; } = new();

    public ConcurrentQueue<InstanceStatus> PushedStatuses { get; } = new();

    public Func<int, Task> OnRegister { get; set; } = static _ => Task.CompletedTask;

    public Func<int, Task<bool>> OnRenew { get; set; } = static _ => Task.FromResult(true);

    public Func<int, Task> OnDeregister { get; set; } = static _ => Task.CompletedTask;

    public Task RegisterAsync(ServiceRegistration registration, CancellationToken cancellationToken) => OnRegister(Registers.Increment());

    public Task<bool> RenewAsync(ServiceRegistration registration, CancellationToken cancellationToken) => OnRenew(Renews.Increment());

    public Task SetStatusAsync(ServiceRegistration registration, InstanceStatus status, CancellationToken cancellationToken)
    {
        PushedStatuses.Enqueue(status);
        StatusPushes.Increment();
        return Task.CompletedTask;
    }

    public Task DeregisterAsync(ServiceRegistration registration, CancellationToken cancellationToken) => OnDeregister(Deregisters.Increment());
}
