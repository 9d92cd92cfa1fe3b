using System.Security.Cryptography;
using System.Text;

namespace MeshClient.Recovery;

/// <summary>
/// The <c>X-Mesh-Signature</c> header of recovery webhooks: <c>sha256=</c> followed by the lowercase hex HMAC-SHA256 of
/// the exact request body bytes, keyed with the UTF-8 bytes of <c>Mesh:Recovery:Webhook:Secret</c>. Receivers verify it
/// on the raw body, before parsing it.
/// </summary>
public static class RecoveryWebhookSignature
{
    /// <summary>The header name, <c>X-Mesh-Signature</c>.</summary>
    public const string HeaderName = WebhookConstants.SignatureHeader;

    /// <summary>Computes the header value for a body.</summary>
    /// <param name="body">The exact body bytes.</param>
    /// <param name="secret">The shared secret.</param>
    /// <returns><c>sha256=&lt;lowercase hex&gt;</c>.</returns>
    public static string Compute(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, mac);
        return WebhookConstants.SignaturePrefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>Verifies a received header against the body, in constant time.</summary>
    /// <param name="body">The exact body bytes as received.</param>
    /// <param name="header">The <c>X-Mesh-Signature</c> header value.</param>
    /// <param name="secret">The shared secret.</param>
    /// <returns><see langword="true"/> when the header is the body's signature under <paramref name="secret"/>.</returns>
    public static bool Verify(ReadOnlySpan<byte> body, string header, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (header is null || !header.StartsWith(WebhookConstants.SignaturePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hex = header.AsSpan(WebhookConstants.SignaturePrefix.Length).Trim();
        Span<byte> received = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (hex.Length != received.Length * 2 || Convert.FromHexString(hex, received, out _, out var written) != System.Buffers.OperationStatus.Done || written != received.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, received);
    }
}
