using System.Text;
using MeshClient.Eureka.Http;

namespace MeshClient.Eureka.Tests.Http;

public class EurekaServiceUrlTests
{
    [Fact]
    public void Parse_UserInfo_BasicAuthHeaderAndRedactedDisplay()
    {
        var url = EurekaServiceUrl.Parse("http://user:s3cret@127.0.0.1:8761/eureka");

        url.BaseUri.AbsoluteUri.Should().Be("http://127.0.0.1:8761/eureka/");
        url.Display.Should().Be("http://***@127.0.0.1:8761/eureka/").And.NotContain("s3cret");
        url.Authorization!.Scheme.Should().Be("Basic");
        Encoding.UTF8.GetString(Convert.FromBase64String(url.Authorization.Parameter!)).Should().Be("user:s3cret");
    }

    [Theory]
    [InlineData("http://127.0.0.1:8761/eureka/", "apps/FOO", "http://127.0.0.1:8761/eureka/apps/FOO")]
    [InlineData("http://127.0.0.1:8761/eureka//", "/apps/", "http://127.0.0.1:8761/eureka/apps/")]
    [InlineData("http://127.0.0.1:8080/eureka/v2", "apps/delta", "http://127.0.0.1:8080/eureka/v2/apps/delta")]
    public void Resolve_AnyTrailingSlashes_ExactlyOneSlashBetweenBaseAndPath(string baseUrl, string path, string expected)
        => EurekaServiceUrl.Parse(baseUrl).Resolve(path).AbsoluteUri.Should().Be(expected);

    [Fact]
    public void Parse_InvalidUrlWithPassword_MessageRedacted()
    {
        var parse = () => EurekaServiceUrl.Parse("ftp://user:s3cret@host/eureka/");

        parse.Should().Throw<FormatException>().Which.Message.Should().NotContain("s3cret").And.Contain("***@host");
    }
}
