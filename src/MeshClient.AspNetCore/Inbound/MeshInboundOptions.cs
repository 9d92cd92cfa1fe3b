namespace MeshClient.AspNetCore.Inbound;

/// <summary>The observation of the requests this service serves, bound from <c>Mesh:Inbound</c>.</summary>
public sealed class MeshInboundOptions
{
    /// <summary>
    /// Gets or sets the path prefixes whose requests are not observed, matched by whole segments and case-insensitively
    /// (<c>Mesh:Inbound:ExcludedPathPrefixes</c>). When not set: the probe paths of <c>Mesh:Probes</c>
    /// (<c>/health/live</c>, <c>/health/ready</c>, <c>/health/startup</c> by default), <c>/metrics</c> and <c>/mesh</c>.
    /// Setting it replaces that list; an empty list observes every request.
    /// </summary>
#pragma warning disable CA2227 // Settable so that configuration can replace the default list rather than append to it.
    public IList<string>? ExcludedPathPrefixes { get; set; }
#pragma warning restore CA2227
}
