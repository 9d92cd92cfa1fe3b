using MeshClient.Discovery;
using MeshClient.Discovery.InMemory;
using MeshClient.Events;
using MeshClient.Registration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MeshClient.IntegrationTests.Hosting;

public sealed class HostDisposalTests
{
    [Fact]
    public async Task DisposeAsync_HostAfterResolvingEveryMeshService_DoesNotThrow()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mesh:Discovery:Provider"] = "InMemory",
            ["Mesh:Registration:Enabled"] = "false",
        });
        builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh"));
        var host = builder.Build();
        await host.StartAsync();

        // Each of these resolves a singleton that DI also reaches through another registration.
        host.Services.GetRequiredService<IServiceInstanceCache>().Should().NotBeNull();
        host.Services.GetRequiredService<IMeshRegistration>().Should().NotBeNull();
        host.Services.GetRequiredService<IMeshEventStream>().Should().NotBeNull();
        host.Services.GetRequiredService<InMemoryServiceRegistry>().Should().NotBeNull();
        await host.StopAsync();

        var dispose = async () => await ((IAsyncDisposable)host).DisposeAsync();

        await dispose.Should().NotThrowAsync();
    }
}
