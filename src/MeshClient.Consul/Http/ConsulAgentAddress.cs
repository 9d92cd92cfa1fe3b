namespace MeshClient.Consul.Http;

/// <summary>One agent URL: its base without user info, and a display form free of secrets.</summary>
internal sealed class ConsulAgentAddress
{
    private ConsulAgentAddress(Uri baseUri, string display)
    {
        BaseUri = baseUri;
        Display = display;
    }

    /// <summary>Gets the base URL, without user info, path, query or fragment, ending with <c>/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>Gets the URL as it may be logged or shown.</summary>
    public string Display { get; }

    /// <summary>Parses a configured agent URL (<c>http://127.0.0.1:8500</c>).</summary>
    /// <exception cref="FormatException">The URL is not an absolute http or https URL; the message holds no credentials.</exception>
    public static ConsulAgentAddress Parse(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"'{Redact(url)}' is not an absolute http or https URL (for example {ConsulConstants.DefaultAddress}).");
        }

        var builder = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty, Path = "/" };
        return new ConsulAgentAddress(builder.Uri, builder.Uri.GetLeftPart(UriPartial.Authority));
    }

    /// <summary>Replaces the user info of a URL-like string (valid or not) by <c>***</c>.</summary>
    public static string Redact(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : scheme + 3;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        var at = url.LastIndexOf('@', end < 0 ? url.Length - 1 : end - 1);
        return at >= start ? string.Concat(url.AsSpan(0, start), "***", url.AsSpan(at)) : url;
    }

    /// <summary>Builds the URI of an API path (<c>v1/health/service/x?passing</c>).</summary>
    public Uri Resolve(string pathAndQuery) => new(BaseUri, pathAndQuery.TrimStart('/'));

    /// <inheritdoc />
    public override string ToString() => Display;
}
