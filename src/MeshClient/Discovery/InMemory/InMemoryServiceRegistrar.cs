using MeshClient.Registration;

namespace MeshClient.Discovery.InMemory;

/// <summary>Self-registration against the embedded <see cref="InMemoryServiceRegistry"/>.</summary>
internal sealed class InMemoryServiceRegistrar(InMemoryServiceRegistry registry) : IServiceRegistrar
{
    public string Name => DiscoveryConstants.InMemoryProvider;

    public Task RegisterAsync(ServiceRegistration registration, CancellationToken cancellationToken)
    {
        registry.Register(registration.Instance, registration.LeaseDuration);
        return Task.CompletedTask;
    }

    public Task<bool> RenewAsync(ServiceRegistration registration, CancellationToken cancellationToken)
        => Task.FromResult(registry.Renew(registration.Instance.ServiceName, registration.Instance.InstanceId));

    public Task SetStatusAsync(ServiceRegistration registration, InstanceStatus status, CancellationToken cancellationToken)
        => registry.SetStatus(registration.Instance.ServiceName, registration.Instance.InstanceId, status)
            ? Task.CompletedTask
            : RegisterAsync(registration, cancellationToken);

    public Task DeregisterAsync(ServiceRegistration registration, CancellationToken cancellationToken)
    {
        registry.Deregister(registration.Instance.ServiceName, registration.Instance.InstanceId);
        return Task.CompletedTask;
    }
}
