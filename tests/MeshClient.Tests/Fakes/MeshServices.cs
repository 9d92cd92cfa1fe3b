using MeshClient.Discovery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeshClient.Tests.Fakes;

/// <summary>Services registered the way users register them, with a fake clock, fake logging and optionally the fake provider.</summary>
internal static class MeshServices
{
    /// <param name="time">The clock of the mesh.</param>
    /// <param name="provider">When set, registered and selected with <c>Mesh:Discovery:Provider</c>.</param>
    /// <param name="settings">More <c>Mesh:...</c> settings.</param>
    public static IServiceCollection Create(TimeProvider time, FakeDiscoveryProvider? provider, params (string Key, string? Value)[] settings)
    {
        var services = new ServiceCollection()
            .AddLogging(static logging => logging.AddFakeLogging())
            .AddSingleton(time);
        if (provider is not null)
        {
            services.AddSingleton<IServiceDiscoveryProvider>(provider);
            settings = [("Mesh:Discovery:Provider", FakeDiscoveryProvider.ProviderName), .. settings];
        }

        services.AddMeshClient(MeshConfig.Section(settings));
        return services;
    }

    public static ServiceProvider Build(TimeProvider time, FakeDiscoveryProvider? provider, params (string Key, string? Value)[] settings)
        => Create(time, provider, settings).BuildServiceProvider();
}
