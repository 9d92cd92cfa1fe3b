using MeshClient.Tests.Fakes;
using MeshClient.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MeshClient.Tests.Validation;

public sealed class MeshOptionsValidationTests
{
    [Theory]
    [InlineData("Mesh:Discovery:Provider", "Zookeeper", "Mesh:Discovery:Provider")]
    [InlineData("Mesh:LoadBalancer", "Fastest", "Mesh:LoadBalancer")]
    [InlineData("Mesh:Services:ratings:LoadBalancer", "Fastest", "Mesh:Services:ratings:LoadBalancer")]
    [InlineData("Mesh:Services:ratings:Instances:0", "not a url", "Mesh:Services:ratings:Instances:0")]
    [InlineData("Mesh:Services:ratings:Instances:0", "ftp://10.0.0.5:21", "Mesh:Services:ratings:Instances:0")]
    [InlineData("Mesh:Services:ratings:Instances:0:Url", "http://", "Mesh:Services:ratings:Instances:0")]
    [InlineData("Mesh:Registration:RenewInterval", "00:01:30", "Mesh:Registration:RenewInterval")]
    [InlineData("Mesh:Discovery:RefreshInterval", "0", "Mesh:Discovery:RefreshInterval")]
    [InlineData("Mesh:Discovery:InitialFetchTimeout", "01:00:00", "Mesh:Discovery:InitialFetchTimeout")]
    [InlineData("Mesh:Discovery:MaxServices", "0", "Mesh:Discovery:MaxServices")]
    [InlineData("Mesh:Registration:LeaseDuration", "00:00:00", "Mesh:Registration:LeaseDuration")]
    [InlineData("Mesh:Registration:Port", "70000", "Mesh:Registration:Port")]
    [InlineData("Mesh:Balancing:VirtualNodes", "0", "Mesh:Balancing:VirtualNodes")]
    [InlineData("Mesh:Services:ratings:Balancing:VirtualNodes", "0", "Mesh:Services:ratings:Balancing:VirtualNodes")]
    [InlineData("Mesh:Services:ratings:ZonePreference:MinHealthyPercent", "101", "Mesh:Services:ratings:ZonePreference:MinHealthyPercent")]
    public async Task StartAsync_BadSetting_ThrowsNamingTheKey(string key, string value, string expectedKey)
    {
        using var host = BuildHost((key, value));

        var failure = await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<OptionsValidationException>();

        failure.Which.Message.Should().Contain(expectedKey);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task StartAsync_InstanceWeightBelowOne_ThrowsNamingTheKey(string weight)
    {
        using var host = BuildHost(
            ("Mesh:Services:ratings:Instances:0:Url", "http://127.0.0.1:5001"),
            ("Mesh:Services:ratings:Instances:0:Weight", weight));

        var failure = await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<OptionsValidationException>();

        failure.Which.Message.Should().Contain("Mesh:Services:ratings:Instances:0:Weight");
    }

    [Fact]
    public async Task StartAsync_ValidSettings_Starts()
    {
        using var host = BuildHost(
            ("Mesh:Services:ratings:Instances:0", "http://127.0.0.1:5001"),
            ("Mesh:Services:ratings:Instances:1:Url", "https://127.0.0.1:5002"),
            ("Mesh:Services:ratings:Instances:1:Weight", "3"),
            ("Mesh:Services:ratings:LoadBalancer", "RoundRobin"),
            ("Mesh:Services:ratings:Balancing:VirtualNodes", "40"));

        await host.StartAsync();
        await host.StopAsync();
    }

    [Theory]
    [InlineData("ftp://admin:s3cret@10.0.0.5:21")]
    [InlineData("admin:s3cret@10.0.0.5")]
    [InlineData("http://admin:s3cret@")]
    public async Task StartAsync_UrlWithPassword_DoesNotShowThePassword(string url)
    {
        using var host = BuildHost(("Mesh:Services:ratings:Instances:0", url));

        var failure = await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<OptionsValidationException>();

        failure.Which.Message.Should().Contain("Mesh:Services:ratings:Instances:0").And.NotContain("s3cret");
    }

    [Theory]
    [InlineData("http://admin:s3cret@10.0.0.5:80/a@b", "http://***@10.0.0.5:80/a@b")]
    [InlineData("admin:s3cret@10.0.0.5", "***@10.0.0.5")]
    [InlineData("http://10.0.0.5:80/path?mail=a@b", "http://10.0.0.5:80/path?mail=a@b")]
    [InlineData("/relative@x", "/relative@x")]
    public void Redact_UserInfo_IsMasked(string url, string expected)
        => MeshOptionsCrossValidator.Redact(url).Should().Be(expected);

    [Fact]
    public async Task StartAsync_SeveralBadKeys_NamesEach()
    {
        using var host = BuildHost(
            ("Mesh:LoadBalancer", "Fastest"),
            ("Mesh:Discovery:RefreshInterval", "0"),
            ("Mesh:Services:ratings:Instances:0", "http://127.0.0.1:5001"),
            ("Mesh:Services:ratings:Instances:1:Url", "http://127.0.0.1:5002"),
            ("Mesh:Services:ratings:Instances:1:Weight", "-1"));

        var failure = await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<OptionsValidationException>();

        failure.Which.Message.Should().Contain("Mesh:LoadBalancer")
            .And.Contain("Mesh:Discovery:RefreshInterval")
            .And.Contain("Mesh:Services:ratings:Instances:1:Weight")
            .And.NotContain("Mesh:Services:ratings:Instances:0");
    }

    private static IHost BuildHost(params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddSettings(settings);
        builder.Services.AddSingleton<TimeProvider>(new TestTimeProvider());
        builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh"));
        return builder.Build();
    }
}
