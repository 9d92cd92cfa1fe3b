namespace MeshClient.Anomaly;

/// <summary>
/// The inbound series of the live feed: the requests this process serves, handed over by the ASP.NET Core package's
/// <c>AddInboundObservation()</c>; bound from <c>Mesh:Anomaly:Inbound</c>.
/// </summary>
public sealed class AnomalyInboundOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether served requests feed the inbound series (<c>Mesh:Anomaly:Inbound:Enabled</c>).
    /// Default <see langword="true"/>; without <c>AddInboundObservation()</c> nothing is handed over anyway.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets the service name of the inbound series while this process has no registration
    /// (<c>Mesh:Anomaly:Inbound:ServiceName</c>); once registered, the registered name is used. Default: the host's
    /// application name, else <c>self</c>.
    /// </summary>
    public string? ServiceName { get; set; }

    /// <summary>
    /// Gets or sets the instance id of the inbound series while this process has no registration
    /// (<c>Mesh:Anomaly:Inbound:InstanceId</c>); once registered, the registered id is used. Default <c>self</c>.
    /// </summary>
    public string InstanceId { get; set; } = AnomalyConstants.SelfIdentity;
}
