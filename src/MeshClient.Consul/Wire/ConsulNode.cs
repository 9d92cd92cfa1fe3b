namespace MeshClient.Consul.Wire;

/// <summary>The <c>Node</c> of a health entry; its <c>Address</c> is the fallback when the service has none.</summary>
internal sealed class ConsulNode
{
    public string? Node { get; set; }

    public string? Address { get; set; }

    public string? Datacenter { get; set; }
}
