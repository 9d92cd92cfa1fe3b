namespace MeshClient;

internal static class MeshConstants
{
    public const string SectionName = "Mesh";

    public const string DefaultLoadBalancer = "PeakEwma";

    public const string MeterName = "MeshClient";
}
