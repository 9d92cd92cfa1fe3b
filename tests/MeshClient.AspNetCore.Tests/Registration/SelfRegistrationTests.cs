using System.Threading.Channels;
using MeshClient.Discovery.InMemory;
using MeshClient.Events;
using MeshClient.Registration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MeshClient.AspNetCore.Tests.Registration;

/// <summary>End to end over real Kestrel on 127.0.0.1:0: the lifecycle registers the address the resolver found.</summary>
public sealed class SelfRegistrationTests
{
    private static Dictionary<string, string?> InMemoryConfig() => new()
    {
        ["Mesh:Discovery:Provider"] = "InMemory",
        ["Mesh:Registration:ServiceName"] = "ratings",
    };

    [Fact]
    public async Task Register_KestrelBoundToLoopbackOnly_Registers127001AndTheBoundPort()
    {
        await using var app = await StartAndWaitForRegistrationAsync(InMemoryConfig());
        var boundPort = new Uri(app.Urls.Single()).Port;

        var instance = app.Services.GetRequiredService<IMeshRegistration>().Current!.Instance;

        instance.Host.Should().Be("127.0.0.1");
        instance.Port.Should().Be(boundPort).And.NotBe(0);
        instance.Scheme.Should().Be("http");
        app.Services.GetRequiredService<InMemoryServiceRegistry>().GetInstances("ratings").Should().ContainSingle()
            .Which.BaseAddress.Should().Be($"http://127.0.0.1:{boundPort}");
    }

    [Fact]
    public async Task Register_ConfiguredHostAndPort_WinOverTheBoundAddress()
    {
        var config = InMemoryConfig();
        config["Mesh:Registration:Host"] = "10.9.8.7";
        config["Mesh:Registration:Port"] = "9999";
        await using var app = await StartAndWaitForRegistrationAsync(config);

        var instance = app.Services.GetRequiredService<IMeshRegistration>().Current!.Instance;

        instance.BaseAddress.Should().Be("http://10.9.8.7:9999");
    }

    [Fact]
    public void AddAspNetCore_CalledTwice_RegistersTheResolverOnce()
    {
        var services = new ServiceCollection();

        services.AddMeshClient().AddAspNetCore().AddAspNetCore();

        services.Count(d => d.ServiceType == typeof(IRegistrationAddressResolver)).Should().Be(1);
    }

    private static async Task<WebApplication> StartAndWaitForRegistrationAsync(Dictionary<string, string?> config)
    {
        var app = MeshTestApp.Build(config, kestrelUrl: "http://127.0.0.1:0");
        using var subscription = app.Services.GetRequiredService<IMeshEventStream>().Subscribe();
        await app.StartAsync();
        await WaitForAsync(subscription.Reader, RegistrationState.Registered);
        return app;
    }

    private static async Task WaitForAsync(ChannelReader<MeshEvent> reader, RegistrationState state)
    {
        // A guard against a hang, not a wait: the event normally arrives within milliseconds.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10), TimeProvider.System);
        await foreach (var meshEvent in reader.ReadAllAsync(guard.Token))
        {
            if (meshEvent is RegistrationStateChangedEvent changed && changed.State == state)
            {
                return;
            }
        }
    }
}
