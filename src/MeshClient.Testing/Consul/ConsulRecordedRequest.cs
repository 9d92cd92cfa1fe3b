namespace MeshClient.Testing.Consul;

/// <summary>A request the in-process Consul agent received, as recorded for assertions.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, for example <c>/v1/health/service/web</c>, percent-decoded.</param>
/// <param name="Query">The query string, with its leading <c>?</c>, or empty.</param>
/// <param name="Token">The ACL token sent (<c>X-Consul-Token</c> or <c>Authorization: Bearer</c>), if any.</param>
/// <param name="Body">The body, as UTF-8 text.</param>
public sealed record ConsulRecordedRequest(string Method, string Path, string Query, string? Token, string Body)
{
    /// <summary>Gets the value of a query parameter (<see cref="string.Empty"/> for a bare <c>?passing</c>), or <see langword="null"/> when absent.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value.</returns>
    public string? QueryValue(string name)
    {
        foreach (var part in Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? part : part[..eq];
            if (string.Equals(Uri.UnescapeDataString(key), name, StringComparison.Ordinal))
            {
                return eq < 0 ? string.Empty : Uri.UnescapeDataString(part[(eq + 1)..]);
            }
        }

        return null;
    }
}
