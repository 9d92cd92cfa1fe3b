using System.Buffers;
using MeshClient.Discovery;
using MeshClient.LoadBalancing;

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

    /// <summary>Unreserved and reserved characters that <see cref="Uri"/> keeps as they are in a path or query (no <c>%</c>, <c>#</c>, brackets).</summary>
    private static readonly SearchValues<char> CanonicalChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/?:@!$&'()*+,;=");

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

        var tail = uri.AsSpan(i);
        if (tail.ContainsAnyExcept(CanonicalChars) || tail.Contains("/.", StringComparison.Ordinal))
        {
            return false;
        }

        hostStart = start;
        hostLength = end - start;
        tailStart = i;
        return true;
    }

    /// <summary>
    /// Returns <c>scheme://host:port</c> of the instance followed by the tail: the instance's last address when it is
    /// exactly that (the same path and query again), else a new one, which becomes the last.
    /// </summary>
    /// <param name="state">The instance's state, which keeps its last address.</param>
    /// <param name="instance">The instance, as read from <paramref name="state"/> for this request.</param>
    /// <param name="tail">The path and query, canonical.</param>
    /// <returns>The address.</returns>
    public static Uri Combine(InstanceState state, ServiceInstance instance, ReadOnlySpan<char> tail)
    {
        var baseAddress = instance.BaseAddress;
        if (state.LastAddress is { } last && IsAddress(last.OriginalString, baseAddress, tail))
        {
            return last;
        }

        var address = new Uri(string.Concat(baseAddress.AsSpan(), tail), UriKind.Absolute);
        state.LastAddress = address;
        return address;
    }

    private static bool IsAddress(string address, string baseAddress, ReadOnlySpan<char> tail)
        => address.Length == baseAddress.Length + tail.Length
            && address.AsSpan(baseAddress.Length).SequenceEqual(tail)
            && address.StartsWith(baseAddress, StringComparison.Ordinal);

    private static bool IsLabel(ReadOnlySpan<char> label)
        => label.Length is > 0 and <= MaxLabelLength && label[0] != '-' && label[^1] != '-';
}
