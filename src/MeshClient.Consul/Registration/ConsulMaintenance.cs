using MeshClient.Registration;

namespace MeshClient.Consul.Registration;

/// <summary>Maintenance mode of the registration the lifecycle holds.</summary>
internal sealed class ConsulMaintenance(ConsulAgentClient agent, IMeshRegistration registration) : IConsulMaintenance
{
    private volatile bool _enabled;

    public bool IsEnabled => _enabled;

    public async Task EnableAsync(string? reason, CancellationToken cancellationToken)
    {
        await agent.SetMaintenanceAsync(ServiceId(), true, reason, cancellationToken);
        _enabled = true;
    }

    public async Task DisableAsync(CancellationToken cancellationToken)
    {
        await agent.SetMaintenanceAsync(ServiceId(), false, null, cancellationToken);
        _enabled = false;
    }

    private string ServiceId() => registration.Current?.Instance.InstanceId
        ?? throw new InvalidOperationException("This process is not registered with Consul yet (Mesh:Registration is off, or registration has not started).");
}
