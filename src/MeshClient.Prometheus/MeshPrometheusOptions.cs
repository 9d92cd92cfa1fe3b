namespace MeshClient.Prometheus;

/// <summary>The Prometheus endpoint, bound from <c>Mesh:Prometheus</c>.</summary>
public sealed class MeshPrometheusOptions
{
    /// <summary>Gets or sets the scrape path (<c>Mesh:Prometheus:Path</c>). Default <c>/metrics</c>, Prometheus' convention.</summary>
    public string Path { get; set; } = PrometheusConstants.DefaultPath;

    /// <summary>
    /// Gets or sets a value indicating whether every instance id is exported as the <c>mesh_instance</c> label
    /// (<c>Mesh:Prometheus:IncludeInstanceIds</c>). When <see langword="false"/> (default) only the first
    /// <see cref="MaxInstanceIds"/> distinct ids are; later ones are exported as <c>other</c>, which bounds the series count.
    /// </summary>
    public bool IncludeInstanceIds { get; set; }

    /// <summary>
    /// Gets or sets how many distinct instance ids are exported when <see cref="IncludeInstanceIds"/> is off
    /// (<c>Mesh:Prometheus:MaxInstanceIds</c>); 0 exports none. Default 50.
    /// </summary>
    public int MaxInstanceIds { get; set; } = PrometheusConstants.DefaultMaxInstanceIds;
}
