using System.Text;
using MeshClient.Discovery;
using MeshClient.Http;
using MeshClient.LoadBalancing;

namespace MeshClient.Tests.Http;

/// <summary>The mesh handler's allocation-free address parsing must agree with the <see cref="Uri"/> API it replaces.</summary>
public sealed class ServiceUriTests
{
    [Theory]
    [InlineData("http://ratings/api/x", "ratings", "/api/x")]
    [InlineData("HTTPS://Ratings.default.svc:8443/a/b?c=1&d=x,y", "Ratings.default.svc", "/a/b?c=1&d=x,y")]
    [InlineData("http://ratings/", "ratings", "/")]
    public void TrySplit_CanonicalAddress_HostAndTail(string address, string host, string tail)
    {
        ServiceUri.TrySplit(address, out var hostStart, out var hostLength, out var tailStart).Should().BeTrue();

        address.Substring(hostStart, hostLength).Should().Be(host);
        address[tailStart..].Should().Be(tail);
    }

    [Theory]
    [InlineData("http://ratings")] // no path: Uri adds "/"
    [InlineData("http://ratings?q=1")]
    [InlineData("http://ratings/a%20b")] // escapes
    [InlineData("http://ratings/a b")]
    [InlineData("http://ratings/a/../b")] // dot segments
    [InlineData("http://ratings/a#frag")]
    [InlineData("http://user:pw@ratings/a")]
    [InlineData("http://127.0.0.1/a")]
    [InlineData("http://0x7f.1/a")]
    [InlineData("http://[::1]/a")]
    [InlineData("http://-ratings/a")]
    [InlineData("http://ratings./a")]
    [InlineData("http://bücher/a")]
    [InlineData("http://ratings/é")]
    [InlineData("ftp://ratings/a")]
    [InlineData(" http://ratings/a")]
    public void TrySplit_AddressUriWouldRewrite_Declines(string address)
        => ServiceUri.TrySplit(address, out _, out _, out _).Should().BeFalse();

    [Fact]
    public void TrySplit_RandomAddresses_AgreesWithUri()
    {
        var random = new Random(20240611);
        var accepted = 0;
        for (var n = 0; n < 50_000; n++)
        {
            var address = RandomAddress(random);
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri)
                || !ServiceUri.TrySplit(uri.OriginalString, out var hostStart, out var hostLength, out var tailStart))
            {
                continue;
            }

            accepted++;
            uri.HostNameType.Should().Be(UriHostNameType.Dns, address);
            address.AsSpan(hostStart, hostLength).Equals(uri.IdnHost, StringComparison.OrdinalIgnoreCase).Should().BeTrue(address);
            address[tailStart..].Should().Be(uri.GetComponents(UriComponents.PathAndQuery | UriComponents.Fragment, UriFormat.UriEscaped), address);
        }

        accepted.Should().BeGreaterThan(10_000);
    }

    [Fact]
    public void Combine_SameTailAgain_ReusesTheAddress_OtherTail_BuildsANewOne()
    {
        var instance = new ServiceInstance("ratings", "a", "http", "127.0.0.1", 5001);
        var state = new InstanceState(instance, TimeProvider.System);

        var first = ServiceUri.Combine(state, instance, "/api/x?q=1");
        var again = ServiceUri.Combine(state, instance, "/api/x?q=1");
        var other = ServiceUri.Combine(state, instance, "/api/y");

        first.AbsoluteUri.Should().Be("http://127.0.0.1:5001/api/x?q=1");
        again.Should().BeSameAs(first);
        other.AbsoluteUri.Should().Be("http://127.0.0.1:5001/api/y");
    }

    [Fact]
    public void Combine_InstanceMoved_BuildsTheNewAddress()
    {
        var before = new ServiceInstance("ratings", "a", "http", "127.0.0.1", 5001);
        var state = new InstanceState(before, TimeProvider.System);
        ServiceUri.Combine(state, before, "/api/x");

        var after = new ServiceInstance("ratings", "a", "https", "127.0.0.1", 5002);

        ServiceUri.Combine(state, after, "/api/x").AbsoluteUri.Should().Be("https://127.0.0.1:5002/api/x");
    }

    /// <summary>Mostly near-canonical addresses, with now and then a character that <see cref="Uri"/> escapes or rewrites.</summary>
    private static string RandomAddress(Random random)
    {
        const string Safe = "abcXYZ09-._~/?:@!$&'()*+,;=";
        const string Unsafe = "%#[]\"<>\\^`{|} \té";
        const string HostChars = "abz09-.";
        var builder = new StringBuilder(random.Next(2) == 0 ? "http://" : "HTTPS://");
        for (var label = random.Next(1, 4); label > 0; label--)
        {
            builder.Append((char)('a' + random.Next(26)));
            for (var k = random.Next(0, 6); k > 0; k--)
            {
                builder.Append(HostChars[random.Next(HostChars.Length)]);
            }

            builder.Append(label > 1 ? "." : string.Empty);
        }

        if (random.Next(3) == 0)
        {
            builder.Append(':').Append(random.Next(1, 65536));
        }

        builder.Append('/');
        for (var k = random.Next(0, 20); k > 0; k--)
        {
            builder.Append(random.Next(30) == 0 ? Unsafe[random.Next(Unsafe.Length)] : Safe[random.Next(Safe.Length)]);
        }

        return builder.ToString();
    }
}
