using MeshClient.AspNetCore.Endpoints;

namespace MeshClient.AspNetCore.Tests.Endpoints;

public sealed class MetadataRedactionTests
{
    [Theory]
    [InlineData("user.password", true)]
    [InlineData("DB_PASSWD", true)]
    [InlineData("client-secret", true)]
    [InlineData("consul.token", true)]
    [InlineData("x-api-key", true)]
    [InlineData("Authorization", true)]
    [InlineData("version", false)]
    [InlineData("zone", false)]
    [InlineData("management.port", false)]
    public void IsSecretKey_Key_TellsWhetherItsValueIsHidden(string key, bool secret)
    {
        MetadataRedaction.IsSecretKey(key).Should().Be(secret);
    }

    [Theory]
    [InlineData("http://bob:pw@127.0.0.1:8080/hook", "http://***@127.0.0.1:8080/hook")]
    [InlineData("http://127.0.0.1:8080/hook", "http://127.0.0.1:8080/hook")]
    [InlineData("team@example.org", "team@example.org")]
    [InlineData("v2", "v2")]
    public void WithoutUserInfo_Value_DropsCredentialsOfUrlsOnly(string value, string expected)
    {
        MetadataRedaction.WithoutUserInfo(value).Should().Be(expected);
    }

    [Fact]
    public void Redact_Metadata_SortsByKeyAndHidesSecrets()
    {
        var redacted = MetadataRedaction.Redact(new Dictionary<string, string> { ["b"] = "1", ["token"] = "t0k3n", ["a"] = "2" });

        redacted.Should().Equal(new Dictionary<string, string> { ["a"] = "2", ["b"] = "1", ["token"] = "***" });
        redacted.Keys.Should().Equal("a", "b", "token");
    }
}
