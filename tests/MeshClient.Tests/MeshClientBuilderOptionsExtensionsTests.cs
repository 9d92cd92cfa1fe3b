using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeshClient.Tests;

/// <summary>Every package's options follow the root the application gave <c>AddMeshClient</c>.</summary>
public class MeshClientBuilderOptionsExtensionsTests
{
    [Fact]
    public void AddMeshOptions_MeshBoundToACustomRoot_BindsItsChild()
    {
        var configuration = Configure(("Custom:Widget:Size", "7"), ("Mesh:Widget:Size", "1"));
        var services = new ServiceCollection();
        services.AddMeshClient(configuration.GetSection("Custom")).AddMeshOptions<WidgetOptions>("Widget");

        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<WidgetOptions>>().Value.Size.Should().Be(7);
    }

    [Fact]
    public void AddMeshOptions_MeshConfiguredInCode_BindsMeshChildOfTheApplicationConfiguration()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(Configure(("Mesh:Widget:Size", "3")));
        services.AddMeshClient(_ => { }).AddMeshOptions<WidgetOptions>("Widget");

        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<WidgetOptions>>().Value.Size.Should().Be(3);
    }

    [Fact]
    public void AddMeshOptions_NoConfigurationAnywhere_KeepsTheDefaults()
    {
        var services = new ServiceCollection();
        services.AddMeshClient(_ => { }).AddMeshOptions<WidgetOptions>("Widget");

        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<WidgetOptions>>().Value.Size.Should().Be(WidgetOptions.DefaultSize);
    }

    [Fact]
    public void AddMeshOptions_ExplicitSection_WinsOverTheMeshChild()
    {
        var configuration = Configure(("Mesh:Widget:Size", "1"), ("Elsewhere:Size", "9"));
        var services = new ServiceCollection();
        services.AddMeshClient(configuration.GetSection("Mesh")).AddMeshOptions<WidgetOptions>("Widget", configuration.GetSection("Elsewhere"));

        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<WidgetOptions>>().Value.Size.Should().Be(9);
    }

    private static IConfigurationRoot Configure(params (string Key, string? Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private sealed class WidgetOptions
    {
        public const int DefaultSize = 2;

        public int Size { get; set; } = DefaultSize;
    }
}
