namespace MeshClient.Recovery;

/// <summary>Names and defaults of the recovery webhook.</summary>
internal static class WebhookConstants
{
    public const string SectionName = BuiltInActionConstants.RecoverySectionName + ":" + Section;
    public const string Section = "Webhook";
    public const string HttpClientName = "MeshClient.Recovery.Webhook";

    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string SignatureHeader = "X-Mesh-Signature";
    public const string TimestampHeader = "X-Mesh-Timestamp";
    public const string SignaturePrefix = "sha256=";
    public const string MediaType = "application/json";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromSeconds(1);
    public const int DefaultMaxAttempts = 4;
}
