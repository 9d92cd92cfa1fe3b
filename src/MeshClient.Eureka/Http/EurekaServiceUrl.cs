using System.Net.Http.Headers;
using System.Text;

namespace MeshClient.Eureka.Http;

/// <summary>One Eureka service URL: the base without credentials, its basic-auth header, and a display form free of secrets.</summary>
internal sealed class EurekaServiceUrl
{
    private EurekaServiceUrl(Uri baseUri, AuthenticationHeaderValue? authorization)
    {
        BaseUri = baseUri;
        Authorization = authorization;
        Display = authorization is null ? baseUri.AbsoluteUri : baseUri.GetLeftPart(UriPartial.Scheme) + "***@" + baseUri.AbsoluteUri[baseUri.GetLeftPart(UriPartial.Scheme).Length..];
    }

    /// <summary>Gets the base URL, without user info, ending with exactly one <c>/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>Gets the basic-auth header taken from the user info, if any.</summary>
    public AuthenticationHeaderValue? Authorization { get; }

    /// <summary>Gets the URL as it may be logged or shown: user info replaced by <c>***</c>.</summary>
    public string Display { get; }

    /// <summary>Parses a configured service URL.</summary>
    /// <exception cref="FormatException">The URL is not an absolute http or https URL; the message holds no credentials.</exception>
    public static EurekaServiceUrl Parse(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"'{Redact(url)}' is not an absolute http or https URL.");
        }

        AuthenticationHeaderValue? authorization = null;
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var userInfo = Uri.UnescapeDataString(uri.UserInfo);
            authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userInfo)));
        }

        var builder = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty };
        builder.Path = builder.Path.TrimEnd('/') + "/";
        return new EurekaServiceUrl(builder.Uri, authorization);
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

    /// <summary>Builds the URI of a path relative to the base (<c>apps/FOO</c>), with exactly one <c>/</c> between them.</summary>
    public Uri Resolve(string relativePath) => new(BaseUri, relativePath.TrimStart('/'));

    /// <inheritdoc />
    public override string ToString() => Display;
}
