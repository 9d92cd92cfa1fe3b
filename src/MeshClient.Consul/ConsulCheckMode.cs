namespace MeshClient.Consul;

/// <summary>How Consul learns this instance's health (<c>Mesh:Consul:Check:Mode</c>).</summary>
public enum ConsulCheckMode
{
    /// <summary>A TTL check: this process pushes pass, warn or fail (reflecting its status) well inside the TTL.</summary>
    Ttl,

    /// <summary>An HTTP check: the agent polls this instance's readiness endpoint every interval.</summary>
    Http,

    /// <summary>No check: the instance counts as passing for as long as it is registered.</summary>
    None,
}
