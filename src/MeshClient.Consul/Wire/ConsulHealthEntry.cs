namespace MeshClient.Consul.Wire;

/// <summary>One element of <c>GET /v1/health/service/{name}</c>: the node, the service instance and every check of both.</summary>
internal sealed class ConsulHealthEntry
{
    public ConsulNode? Node { get; set; }

    public ConsulAgentService? Service { get; set; }

    public List<ConsulCheckEntry>? Checks { get; set; }
}
