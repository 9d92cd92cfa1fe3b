namespace MeshClient.AspNetCore.Endpoints;

/// <summary>
/// Keeps secrets out of the status endpoints: registries carry instance metadata such as Spring Boot Admin's
/// <c>user.password</c> or URLs with credentials. Values of secret-looking keys and the user info of URLs are replaced.
/// </summary>
internal static class MetadataRedaction
{
    /// <summary>Returns the metadata sorted by key (ordinal), with secret values replaced by <c>***</c>.</summary>
    public static SortedDictionary<string, string> Redact(IReadOnlyDictionary<string, string> metadata)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in metadata)
        {
            result[key] = IsSecretKey(key) ? MeshEndpointsConstants.RedactedValue : WithoutUserInfo(value);
        }

        return result;
    }

    internal static bool IsSecretKey(string key)
    {
        foreach (var marker in MeshEndpointsConstants.SecretKeyMarkers)
        {
            if (key.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal static string WithoutUserInfo(string value)
    {
        if (!value.Contains('@', StringComparison.Ordinal)
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || string.IsNullOrEmpty(uri.UserInfo))
        {
            return value;
        }

        var builder = new UriBuilder(uri) { UserName = MeshEndpointsConstants.RedactedValue, Password = string.Empty };
        return builder.Uri.ToString();
    }
}
