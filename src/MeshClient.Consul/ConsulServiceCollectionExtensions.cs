using MeshClient;
using MeshClient.Consul;
using MeshClient.Consul.Discovery;
using MeshClient.Consul.Health;
using MeshClient.Consul.Http;
using MeshClient.Consul.Registration;
using MeshClient.Consul.Validation;
using MeshClient.Discovery;
using MeshClient.Health;
using MeshClient.Registration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Consul discovery provider (<c>Mesh:Discovery:Provider = Consul</c>), Consul self-registration and maintenance mode.</summary>
public static class ConsulServiceCollectionExtensions
{
    /// <summary>
    /// Adds Consul, bound to the <c>Consul</c> child of the section given to <c>AddMeshClient</c> (<c>Mesh:Consul</c>), the
    /// <see cref="IConsulMaintenance"/> API and a health check named <c>consul</c> tagged <c>ready</c>. Calling it more than once does nothing more.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddConsul(this IMeshClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddConsulCore();
        builder.AddMeshOptions<ConsulOptions>(ConsulConstants.SectionName);
        return builder;
    }

    /// <summary>Adds Consul configured in code (applied after <c>Mesh:Consul</c> when MeshClient is bound to configuration).</summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddConsul(this IMeshClientBuilder builder, Action<ConsulOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddConsul();
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds Consul bound to a configuration section of your choice.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <param name="section">The section holding the <see cref="ConsulOptions"/>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddConsul(this IMeshClientBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddConsulCore();
        builder.AddMeshOptions<ConsulOptions>(ConsulConstants.SectionName, section);
        return builder;
    }

    private static void AddConsulCore(this IMeshClientBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(static d => d.ServiceType == typeof(ConsulWatchers)))
        {
            return;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsulOptions>, ConsulOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsulOptions>, ConsulOptionsCrossValidator>());
        services.AddHttpClient(ConsulConstants.HttpClientName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConsulHttpClient>();
        services.TryAddSingleton<ConsulWatchers>();
        services.TryAddSingleton<ConsulAgentClient>();
        services.TryAddSingleton<IConsulMaintenance, ConsulMaintenance>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceDiscoveryProvider, ConsulDiscoveryProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceRegistrar, ConsulServiceRegistrar>());
        services.AddHealthChecks().AddCheck<ConsulHealthCheck>(ConsulConstants.HealthCheckName, tags: [MeshHealthTags.Ready]);
    }
}
