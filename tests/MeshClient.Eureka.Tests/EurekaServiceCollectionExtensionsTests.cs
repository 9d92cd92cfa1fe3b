using MeshClient.Discovery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MeshClient.Eureka.Tests;

public class EurekaServiceCollectionExtensionsTests
{
    [Fact]
    public void AddEureka_MeshSection_BindsEurekaChild()
    {
        using var provider = Build(new()
        {
            ["Mesh:Discovery:Provider"] = "Eureka",
            ["Mesh:Eureka:ServiceUrls:0"] = "http://127.0.0.1:8761/eureka/",
            ["Mesh:Eureka:ServiceUrls:1"] = "http://127.0.0.1:8762/eureka/",
            ["Mesh:Eureka:RegistryFetchInterval"] = "00:00:05",
            ["Mesh:Eureka:Format"] = "Xml",
            ["Mesh:Eureka:Instance:VipAddress"] = "ratings-vip",
        });

        var options = provider.GetRequiredService<IOptions<EurekaOptions>>().Value;

        options.ServiceUrls.Should().HaveCount(2);
        options.RegistryFetchInterval.Should().Be(TimeSpan.FromSeconds(5));
        options.Format.Should().Be(EurekaFormat.Xml);
        options.Instance.VipAddress.Should().Be("ratings-vip");
        provider.GetServices<IServiceDiscoveryProvider>().Should().Contain(p => p.Name == "Eureka");
    }

    [Fact]
    public void AddEureka_CalledTwiceWithAction_OneHealthCheckAndActionApplied()
    {
        var services = new ServiceCollection();
        var builder = services.AddMeshClient(o => o.Discovery.Provider = "Eureka");
        builder.AddEureka(o => o.ServiceUrls.Add("http://127.0.0.1:8761/eureka/"));
        builder.AddEureka();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Should().ContainSingle(r => r.Name == "eureka")
            .Which.Tags.Should().Contain("ready");
        provider.GetRequiredService<IOptions<EurekaOptions>>().Value.ServiceUrls.Should().ContainSingle();
    }

    [Fact]
    public void Validate_NoServiceUrlsWithEurekaProvider_MessageNamesKey()
    {
        using var provider = Build(new() { ["Mesh:Discovery:Provider"] = "Eureka" });

        var read = () => provider.GetRequiredService<IOptions<EurekaOptions>>().Value;

        read.Should().Throw<OptionsValidationException>().WithMessage("*Mesh:Eureka:ServiceUrls*");
    }

    [Fact]
    public void Validate_BadUrlWithPassword_MessageNamesIndexAndHidesPassword()
    {
        using var provider = Build(new()
        {
            ["Mesh:Discovery:Provider"] = "Eureka",
            ["Mesh:Eureka:ServiceUrls:0"] = "http://127.0.0.1:8761/eureka/",
            ["Mesh:Eureka:ServiceUrls:1"] = "gopher://admin:s3cret@127.0.0.1/eureka/",
            ["Mesh:Eureka:RequestTimeout"] = "00:00:00",
        });

        var read = () => provider.GetRequiredService<IOptions<EurekaOptions>>().Value;

        var message = read.Should().Throw<OptionsValidationException>().Which.Message;
        message.Should().Contain("Mesh:Eureka:ServiceUrls:1").And.Contain("***@127.0.0.1").And.NotContain("s3cret").And.Contain("RequestTimeout");
    }

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddMeshClient(configuration.GetSection("Mesh")).AddEureka();
        return services.BuildServiceProvider();
    }
}
