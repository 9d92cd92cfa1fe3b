using MeshClient.Discovery;

namespace MeshClient.Consul.Registration;

/// <summary>The TTL check status that reflects this instance's status: only <c>Up</c> passes; not ready (starting, down, out of service) fails.</summary>
internal static class ConsulCheckStatus
{
    public static string From(InstanceStatus status) => status switch
    {
        InstanceStatus.Up => ConsulConstants.Passing,
        InstanceStatus.Unknown => ConsulConstants.Warning,
        _ => ConsulConstants.Critical,
    };

    public static string Output(InstanceStatus status) => $"MeshClient: instance status {status}";
}
