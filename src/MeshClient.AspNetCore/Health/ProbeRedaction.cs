using System.Text.RegularExpressions;

namespace MeshClient.AspNetCore.Health;

/// <summary>
/// Keeps secrets out of probe bodies: descriptions and data values lose the user info of URLs and the values of
/// <c>password=</c>, <c>token:</c> and the like; data entries with secret-looking keys are replaced as a whole.
/// </summary>
internal static partial class ProbeRedaction
{
    public static bool IsSecretKey(string key)
    {
        foreach (var marker in HealthProbeConstants.SecretKeyMarkers)
        {
            if (key.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static string Redact(string text)
    {
        var withoutUserInfo = UserInfo().Replace(text, "://" + HealthProbeConstants.RedactedValue + "@");
        return SecretAssignment().Replace(withoutUserInfo, m => m.Groups["key"].Value + m.Groups["sep"].Value + HealthProbeConstants.RedactedValue);
    }

    [GeneratedRegex(@"://[^/\s@]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    [GeneratedRegex(
        @"(?<key>[\w.-]*(?:password|passwd|secret|token|apikey|api-key|api_key|credential|authorization)[\w.-]*)(?<sep>\s*[=:]\s*)(?:bearer\s+)?[^\s&;,]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretAssignment();
}
