namespace MeshClient.AspNetCore.Inbound;

/// <summary>Names and defaults of the inbound request observation.</summary>
internal static class InboundConstants
{
    public const string Section = "Inbound";

    public const string SectionName = "Mesh:" + Section;

    /// <summary>Prefixes excluded besides the probe paths: Prometheus scrapes and the mesh status endpoints are not served traffic.</summary>
    public static readonly string[] DefaultExcludedPrefixes = ["/metrics", "/mesh"];
}
