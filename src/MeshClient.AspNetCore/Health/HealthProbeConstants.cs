namespace MeshClient.AspNetCore.Health;

/// <summary>Names, tags and defaults of the probe endpoints (the <c>ready</c> and <c>live</c> tags are <see cref="MeshClient.Health.MeshHealthTags"/>).</summary>
internal static class HealthProbeConstants
{
    public const string Section = "Probes";

    public const string SectionName = "Mesh:" + Section;

    public const string DefaultLivePath = "/health/live";

    public const string DefaultReadyPath = "/health/ready";

    public const string DefaultStartupPath = "/health/startup";

    /// <summary>Checks that pass once startup work is done.</summary>
    public const string StartupTag = "startup";

    public const string RegistrationCheck = "mesh-registration";

    public const string RequiredServicesCheck = "mesh-required-services";

    public const string StartupCheck = "mesh-startup";

    public const string VerboseQuery = "verbose";

    public const string RedactedValue = "***";

    public static readonly TimeSpan DefaultMirrorInterval = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan DefaultMirrorDebounce = TimeSpan.FromSeconds(10);

    /// <summary>Substrings of data keys whose values never leave the process.</summary>
    public static readonly string[] SecretKeyMarkers = ["password", "secret", "token", "apikey", "api-key", "api_key", "credential", "authorization"];
}
