namespace MeshClient.Consul;

/// <summary>The consistency mode of discovery reads (<c>Mesh:Consul:Consistency</c>), as Consul's <c>?stale</c> / <c>?consistent</c>.</summary>
public enum ConsulConsistency
{
    /// <summary>Served by the leader; a rare stale window during a leader change. Consul's default.</summary>
    Default,

    /// <summary>Served by any server (<c>?stale</c>): fastest, works without a leader, may lag.</summary>
    Stale,

    /// <summary>The leader checks with a quorum first (<c>?consistent</c>): one more round trip.</summary>
    Consistent,
}
