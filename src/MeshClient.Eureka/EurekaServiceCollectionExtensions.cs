using System.Net;
using MeshClient;
using MeshClient.Discovery;
using MeshClient.Eureka;
using MeshClient.Eureka.Discovery;
using MeshClient.Eureka.Health;
using MeshClient.Eureka.Http;
using MeshClient.Eureka.Registration;
using MeshClient.Eureka.Validation;
using MeshClient.Health;
using MeshClient.Registration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Eureka discovery provider (<c>Mesh:Discovery:Provider = Eureka</c>) and Eureka self-registration.</summary>
public static class EurekaServiceCollectionExtensions
{
    /// <summary>
    /// Adds Eureka, bound to the <c>Eureka</c> child of the section given to <c>AddMeshClient</c> (<c>Mesh:Eureka</c>), and a
    /// health check named <c>eureka</c> tagged <c>ready</c>. Calling it more than once does nothing more.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddEureka(this IMeshClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddEurekaCore();
        builder.AddMeshOptions<EurekaOptions>(EurekaConstants.SectionName);
        return builder;
    }

    /// <summary>Adds Eureka configured in code (applied after <c>Mesh:Eureka</c> when MeshClient is bound to configuration).</summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddEureka(this IMeshClientBuilder builder, Action<EurekaOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddEureka();
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds Eureka bound to a configuration section of your choice.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <param name="section">The section holding the <see cref="EurekaOptions"/>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddEureka(this IMeshClientBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddEurekaCore();
        builder.AddMeshOptions<EurekaOptions>(EurekaConstants.SectionName, section);
        return builder;
    }

    private static void AddEurekaCore(this IMeshClientBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(static d => d.ServiceType == typeof(EurekaRegistryPoller)))
        {
            return;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EurekaOptions>, EurekaOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EurekaOptions>, EurekaOptionsCrossValidator>());
        services.AddHttpClient(EurekaConstants.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EurekaHttpClient>();
        services.TryAddSingleton<EurekaRegistryFetcher>();
        services.TryAddSingleton<EurekaRegistryPoller>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EurekaRegistryPoller>(static sp => sp.GetRequiredService<EurekaRegistryPoller>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceDiscoveryProvider, EurekaDiscoveryProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceRegistrar, EurekaServiceRegistrar>());
        services.AddHealthChecks().AddCheck<EurekaHealthCheck>(EurekaConstants.HealthCheckName, tags: [MeshHealthTags.Ready]);
    }
}
