using System.ComponentModel.DataAnnotations;

namespace MeshClient.LoadBalancing;

/// <summary>Balancing settings, bound from <c>Mesh:Balancing</c> or <c>Mesh:Services:{name}:Balancing</c>.</summary>
public sealed class LoadBalancingOptions
{
    /// <summary>Gets or sets the request header whose value is the consistent-hash key. Default none: use <see cref="Http.MeshRequestOptions.HashKey"/>.</summary>
    public string? HashHeader { get; set; }

    /// <summary>Gets or sets the ring's virtual nodes per unit of weight (<c>ConsistentHash</c>). Default 160, as ketama.</summary>
    [Range(1, 10_000)]
    public int VirtualNodes { get; set; } = LoadBalancingConstants.DefaultVirtualNodes;

    /// <summary>Gets or sets the decay time of the peak-EWMA latency (<c>PeakEwma</c>). Default 10 s, as Finagle and Linkerd.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan EwmaDecay { get; set; } = LoadBalancingConstants.DefaultEwmaDecay;

    /// <summary>Gets or sets the latency assumed for an instance before its first response (<c>PeakEwma</c>). Default 30 ms, as Linkerd.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DefaultRtt { get; set; } = LoadBalancingConstants.DefaultRtt;
}
