using System.Security.Cryptography;
using System.Text;

namespace MeshClient.Recovery.Tests.Webhook;

public sealed class RecoveryWebhookSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"requestedAction\":\"webhook\"}");

    [Fact]
    public void Compute_KnownBody_IsLowercaseHexHmacSha256WithPrefix()
    {
        var expected = "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes("key"), Body)).ToLowerInvariant();

        RecoveryWebhookSignature.Compute(Body, "key").Should().Be(expected);
    }

    [Fact]
    public void Verify_MatchingSignature_IsTrue()
        => RecoveryWebhookSignature.Verify(Body, RecoveryWebhookSignature.Compute(Body, "key"), "key").Should().BeTrue();

    [Theory]
    [InlineData("other-key", false)]
    [InlineData("key", true)]
    public void Verify_TamperedBodyOrWrongKey_IsFalse(string secret, bool tamper)
    {
        var header = RecoveryWebhookSignature.Compute(Body, "key");
        var body = tamper ? Encoding.UTF8.GetBytes("{\"requestedAction\":\"scale-out\"}") : Body;

        RecoveryWebhookSignature.Verify(body, header, secret).Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha1=abcd")]
    [InlineData("sha256=")]
    [InlineData("sha256=zz")]
    [InlineData("sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeX")]
    public void Verify_MalformedHeader_IsFalse(string header)
        => RecoveryWebhookSignature.Verify(Body, header, "key").Should().BeFalse();
}
