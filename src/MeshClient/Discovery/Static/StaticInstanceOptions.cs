using System.ComponentModel;

namespace MeshClient.Discovery.Static;

/// <summary>
/// One statically configured instance (<c>Mesh:Services:{name}:Instances:{i}</c>). In configuration it is either a URL
/// string (<c>"http://10.0.0.5:8080"</c>) or an object with <c>Url</c>, <c>Weight</c>, <c>Zone</c>, <c>Status</c>, <c>Metadata</c>.
/// </summary>
[TypeConverter(typeof(StaticInstanceOptionsConverter))]
public sealed class StaticInstanceOptions
{
    /// <summary>Gets or sets the instance URL: scheme, host and port (a path, if any, is ignored).</summary>
    public string? Url { get; set; }

    /// <summary>Gets or sets the instance id. Default: <c>host:port</c>.</summary>
    public string? InstanceId { get; set; }

    /// <summary>Gets or sets the relative weight for weighted balancers. Default 1.</summary>
    public int Weight { get; set; } = 1;

    /// <summary>Gets or sets the zone of the instance.</summary>
    public string? Zone { get; set; }

    /// <summary>Gets or sets the status. Default <see cref="InstanceStatus.Up"/>.</summary>
    public InstanceStatus Status { get; set; } = InstanceStatus.Up;

    /// <summary>Gets the metadata of the instance.</summary>
    public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
