using System.ComponentModel.DataAnnotations;

namespace MeshClient.Recovery;

/// <summary>
/// Where and how the <c>webhook</c> and <c>scale-out</c> recovery actions POST their JSON document, bound from
/// <c>Mesh:Recovery:Webhook</c>. Each attempt has its own timeout; 5xx, 408, 429, transport errors and timeouts are
/// retried with exponential back-off and jitter, with the same body and <c>Idempotency-Key</c>.
/// </summary>
public sealed class RecoveryWebhookOptions
{
    /// <summary>
    /// Gets or sets the absolute http or https URL to POST to (<c>Mesh:Recovery:Webhook:Url</c>); required when a policy
    /// uses <c>webhook</c> or <c>scale-out</c>. It is logged without user info, query or fragment.
    /// </summary>
    [Url]
    public string? Url { get; set; }

    /// <summary>
    /// Gets or sets the HMAC-SHA256 key (<c>Mesh:Recovery:Webhook:Secret</c>, UTF-8): when set, each request carries
    /// <c>X-Mesh-Signature: sha256=&lt;hex&gt;</c> of its exact body bytes. Never logged nor journaled.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>Gets or sets the timeout of one attempt (<c>Mesh:Recovery:Webhook:Timeout</c>). Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan Timeout { get; set; } = WebhookConstants.DefaultTimeout;

    /// <summary>Gets or sets how many attempts at most, the first included (<c>Mesh:Recovery:Webhook:MaxAttempts</c>). Default 4.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = WebhookConstants.DefaultMaxAttempts;

    /// <summary>
    /// Gets or sets the delay before the first retry (<c>Mesh:Recovery:Webhook:BaseDelay</c>); it doubles at each retry,
    /// with jitter. Default 1 s; zero retries at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan BaseDelay { get; set; } = WebhookConstants.DefaultBaseDelay;

    /// <summary>
    /// Gets extra request headers (<c>Mesh:Recovery:Webhook:Headers:{name}</c>), for example an authorization token; their
    /// values are never logged. They cannot replace <c>Idempotency-Key</c>, <c>X-Mesh-Signature</c> or <c>X-Mesh-Timestamp</c>.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
