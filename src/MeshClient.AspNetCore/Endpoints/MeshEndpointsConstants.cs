namespace MeshClient.AspNetCore.Endpoints;

internal static class MeshEndpointsConstants
{
    public const string DefaultPrefix = "/mesh";

    public const string ServicesSegment = "services";

    public const string NoStore = "no-store";

    public const string LoggerCategory = "MeshClient.AspNetCore.Endpoints";

    public const string JsonContentType = "application/json; charset=utf-8";

    public const string RedactedValue = "***";

    /// <summary>Metadata keys that contain one of these (case-insensitive) have their value redacted.</summary>
    public static readonly string[] SecretKeyMarkers =
        ["password", "passwd", "pwd", "secret", "token", "apikey", "api-key", "api_key", "credential", "authorization", "privatekey", "private-key", "private_key"];
}
