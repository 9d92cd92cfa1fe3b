using System.Diagnostics.CodeAnalysis;

namespace MeshClient.Recovery;

/// <summary>Parses the webhook URL and shows it free of secrets (no user info, query or fragment).</summary>
internal static class WebhookUrl
{
    public static bool TryParse(string? url, [NotNullWhen(true)] out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(parsed.Host))
        {
            return false;
        }

        uri = parsed;
        return true;
    }

    /// <summary>Gets the URL as it may be logged: scheme, host, port and path only.</summary>
    public static string Display(Uri uri)
        => new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty }.Uri.AbsoluteUri;

    /// <summary>Replaces user info (<c>***</c>) and drops query and fragment of a URL-like string, valid or not.</summary>
    public static string Redact(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : scheme + 3;
        var query = url.IndexOfAny(['?', '#'], start);
        var text = query < 0 ? url : url[..query];
        var end = text.IndexOf('/', start);
        var limit = end < 0 ? text.Length : end;
        var at = limit == 0 ? -1 : text.LastIndexOf('@', limit - 1);
        return at >= start ? string.Concat(text.AsSpan(0, start), "***", text.AsSpan(at)) : text;
    }

    public static bool IsReservedHeader(string name)
        => string.Equals(name, WebhookConstants.IdempotencyKeyHeader, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, WebhookConstants.SignatureHeader, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, WebhookConstants.TimestampHeader, StringComparison.OrdinalIgnoreCase);
}
