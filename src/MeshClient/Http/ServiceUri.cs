namespace MeshClient.Http;

/// <summary>
/// Reads the host and the path-and-query of <c>http(s)://service[:port]/path?query</c> straight from
/// <see cref="Uri.OriginalString"/>, so that the request path neither makes <see cref="Uri"/> compute its parsed parts
/// nor allocates the host and tail strings. Only addresses that are already canonical as written qualify: a plain DNS
/// host, no user info, and a tail of characters that <see cref="Uri"/> neither escapes nor rewrites (no <c>%</c>, no
/// fragment, no dot segment). For those, the host equals <see cref="Uri.IdnHost"/> ignoring case and the tail equals
/// <c>GetComponents(PathAndQuery | Fragment, UriEscaped)</c>; every other address takes the <see cref="Uri"/> API path.
/// </summary>
internal static class ServiceUri
{
    private const int MaxLabelLength = 63;

    /// <summary>Splits an address into its DNS host and its tail when both are canonical as written.</summary>
    /// <param name="uri">The original string of an absolute <see cref="Uri"/>.</param>
    /// <param name="hostStart">Where the host starts.</param>
    /// <param name="hostLength">The length of the host.</param>
    /// <param name="tailStart">Where the path starts; the tail runs to the end.</param>
    /// <returns><see langword="true"/> when the address qualifies.</returns>
    public static bool TrySplit(string uri, out int hostStart, out int hostLength, out int tailStart)
    {
        hostStart = hostLength = tailStart = 0;
        int i;
        if (uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            i = 7;
        }
        else if (uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            i = 8;
        }
        else
        {
            return false;
        }

        // A DNS name: labels of letters, digits and inner hyphens, starting with a letter (so never an IPv4 address).
        var start = i;
        if (i >= uri.Length || !char.IsAsciiLetter(uri[i]))
        {
            return false;
        }

        var labelStart = i;
        for (; i < uri.Length; i++)
        {
            var c = uri[i];
            if (c == '.')
            {
                if (!IsLabel(uri.AsSpan(labelStart, i - labelStart)))
                {
                    return false;
                }

                labelStart = i + 1;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                break;
            }
        }

        var end = i;
        if (!IsLabel(uri.AsSpan(labelStart, end - labelStart)))
        {
            return false;
        }

        if (i < uri.Length && uri[i] == ':')
        {
            var portStart = ++i;
            while (i < uri.Length && char.IsAsciiDigit(uri[i]))
            {
                i++;
            }

            if (i == portStart)
            {
                return false;
            }
        }

        if (i >= uri.Length || uri[i] != '/')
        {
            return false;
        }

        var tail = i;
        for (; i < uri.Length; i++)
        {
            var c = uri[i];
            if (!IsCanonical(c) || (c == '.' && uri[i - 1] == '/'))
            {
                return false;
            }
        }

        hostStart = start;
        hostLength = end - start;
        tailStart = tail;
        return true;
    }

    /// <summary>Builds <c>scheme://host:port</c> of the instance followed by the tail.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="tail">The path, query and fragment, escaped.</param>
    /// <returns>The address.</returns>
    public static Uri Combine(Discovery.ServiceInstance instance, ReadOnlySpan<char> tail)
        => new(string.Concat(instance.BaseAddress.AsSpan(), tail), UriKind.Absolute);

    private static bool IsLabel(ReadOnlySpan<char> label)
        => label.Length is > 0 and <= MaxLabelLength && label[0] != '-' && label[^1] != '-';

    /// <summary>Unreserved and reserved characters that <see cref="Uri"/> keeps as they are in a path or query (no <c>%</c>, <c>#</c>, brackets).</summary>
    private static bool IsCanonical(char c)
        => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '/' or '?' or ':' or '@' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';
}
