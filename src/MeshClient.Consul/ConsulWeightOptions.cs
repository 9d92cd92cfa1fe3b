using System.ComponentModel.DataAnnotations;

namespace MeshClient.Consul;

/// <summary>The <c>Weights</c> registered with this instance, bound from <c>Mesh:Consul:Weights</c>.</summary>
public sealed class ConsulWeightOptions
{
    /// <summary>Gets or sets the weight while every check passes. Default <c>Mesh:Registration:Weight</c> (1).</summary>
    [Range(1, 65535)]
    public int? Passing { get; set; }

    /// <summary>Gets or sets the weight while a check warns; 0 keeps warning instances out of rotation. Default 1 (Consul's default).</summary>
    [Range(0, 65535)]
    public int Warning { get; set; } = 1;
}
