namespace MeshClient.AspNetCore.Drain;

/// <summary>Names and defaults of the graceful drain.</summary>
internal static class DrainConstants
{
    public const string Section = "Drain";

    public const string SectionName = "Mesh:" + Section;

    /// <summary>The <c>ready</c>-tagged check that fails once the host is stopping.</summary>
    public const string DrainCheck = "mesh-drain";

    /// <summary>Like a Kubernetes <c>preStop</c> sleep: long enough for endpoint controllers and registry fetches to notice.</summary>
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(5);

    /// <summary>Below the host's default shutdown timeout (30 s), so that deregistration still has time.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);
}
