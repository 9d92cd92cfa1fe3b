using MeshClient.Discovery;
using MeshClient.Registration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshClient.Consul.Registration;

/// <summary>
/// Self-registration with the local Consul agent, driven by core's lifecycle. TTL mode: <c>RenewAsync</c> pushes the check
/// (<c>PUT /v1/agent/check/update/{id}</c>) with the status of the instance; a forgotten check makes the lifecycle register
/// again. HTTP mode: the agent polls the readiness endpoint; a renew checks that the agent still lists the service, and a
/// Down/OutOfService/Starting status puts the service in maintenance (a critical check) until it is Up again.
/// </summary>
internal sealed partial class ConsulServiceRegistrar(
    ConsulAgentClient agent, IOptionsMonitor<ConsulOptions> options, ILogger<ConsulServiceRegistrar> logger) : IServiceRegistrar
{
    private const string StatusMaintenanceReason = "MeshClient: instance status ";
    private volatile bool _statusMaintenance;

    public string Name => ConsulConstants.ProviderName;

    public Task RegisterAsync(ServiceRegistration registration, CancellationToken cancellationToken)
        => agent.RegisterAsync(ConsulRegistrationBuilder.Build(registration, options.CurrentValue), cancellationToken);

    public async Task<bool> RenewAsync(ServiceRegistration registration, CancellationToken cancellationToken)
    {
        if (options.CurrentValue.Check.Mode != ConsulCheckMode.Ttl)
        {
            return await agent.HasServiceAsync(registration.Instance.InstanceId, cancellationToken);
        }

        var status = registration.Instance.Status;
        var checkId = ConsulRegistrationBuilder.CheckId(registration);
        if (await agent.UpdateTtlAsync(checkId, ConsulCheckStatus.From(status), ConsulCheckStatus.Output(status), cancellationToken))
        {
            return true;
        }

        Log.CheckForgotten(logger, checkId, registration.Instance.InstanceId);
        return false;
    }

    public async Task SetStatusAsync(ServiceRegistration registration, InstanceStatus status, CancellationToken cancellationToken)
    {
        var updated = registration.WithStatus(status);
        if (options.CurrentValue.Check.Mode == ConsulCheckMode.Ttl)
        {
            if (!await RenewAsync(updated, cancellationToken))
            {
                await RegisterAsync(updated, cancellationToken);
            }

            return;
        }

        var id = registration.Instance.InstanceId;
        if (status != InstanceStatus.Up)
        {
            await agent.SetMaintenanceAsync(id, true, StatusMaintenanceReason + status, cancellationToken);
            _statusMaintenance = true;
        }
        else if (_statusMaintenance)
        {
            await agent.SetMaintenanceAsync(id, false, null, cancellationToken);
            _statusMaintenance = false;
        }
    }

    public async Task DeregisterAsync(ServiceRegistration registration, CancellationToken cancellationToken)
    {
        await agent.DeregisterAsync(registration.Instance.InstanceId, cancellationToken);
        Log.Deregistered(logger, registration.Instance.InstanceId);
    }
}
