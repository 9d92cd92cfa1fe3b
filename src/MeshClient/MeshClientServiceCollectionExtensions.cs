using MeshClient;
using MeshClient.Discovery;
using MeshClient.Discovery.InMemory;
using MeshClient.Discovery.Static;
using MeshClient.Events;
using MeshClient.Health;
using MeshClient.LoadBalancing;
using MeshClient.LoadBalancing.ConsistentHash;
using MeshClient.LoadBalancing.LeastRequests;
using MeshClient.LoadBalancing.PeakEwma;
using MeshClient.LoadBalancing.PowerOfTwoChoices;
using MeshClient.LoadBalancing.RandomPick;
using MeshClient.LoadBalancing.RoundRobin;
using MeshClient.LoadBalancing.WeightedRoundRobin;
using MeshClient.Registration;
using MeshClient.Telemetry;
using MeshClient.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers MeshClient: discovery, instance cache, balancers, self-registration, events and metrics.</summary>
public static class MeshClientServiceCollectionExtensions
{
    /// <summary>Adds MeshClient with default options (configure them with <c>services.Configure&lt;MeshOptions&gt;</c>).</summary>
    /// <param name="services">The services.</param>
    /// <returns>A builder for provider packages.</returns>
    public static IMeshClientBuilder AddMeshClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMeshClientCore();
        return new MeshClientBuilder(services);
    }

    /// <summary>Adds MeshClient configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>A builder for provider packages.</returns>
    public static IMeshClientBuilder AddMeshClient(this IServiceCollection services, Action<MeshOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddMeshClient();
        services.Configure(configure);
        return builder;
    }

    /// <summary>Adds MeshClient bound to a configuration section, usually <c>builder.Configuration.GetSection("Mesh")</c>; reloads with it.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section.</param>
    /// <returns>A builder for provider packages.</returns>
    public static IMeshClientBuilder AddMeshClient(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddMeshClient();
        services.AddOptions<MeshOptions>().Bind(section);
        return new MeshClientBuilder(services, section);
    }

    /// <summary>Registers a custom balancer, to be named in <c>Mesh:Services:{name}:LoadBalancer</c>.</summary>
    /// <typeparam name="T">The balancer type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddMeshLoadBalancer<T>(this IMeshClientBuilder builder)
        where T : class, ILoadBalancer
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoadBalancer, T>());
        return builder;
    }

    /// <summary>Registers the core services once; every call after the first does nothing.</summary>
    internal static IServiceCollection AddMeshClientCore(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ServiceCatalog)))
        {
            return services;
        }

        services.AddOptionsWithValidateOnStart<MeshOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeshOptions>, MeshOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeshOptions>, MeshOptionsCrossValidator>());
        services.AddMetrics();
        services.AddHttpClient();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(MeshRandom.Shared);
        services.TryAddSingleton<IMeshEventStream, MeshEventStream>();
        services.TryAddSingleton<MeshMetrics>();
        services.TryAddSingleton<RegistryReachability>();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoadBalancer, RoundRobinLoadBalancer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoadBalancer, RandomLoadBalancer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoadBalancer, WeightedRoundRobinLoadBalancer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoadBalancer, LeastRequestsLoadBalancer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoadBalancer, PowerOfTwoChoicesLoadBalancer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoadBalancer, PeakEwmaLoadBalancer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoadBalancer, ConsistentHashLoadBalancer>());
        services.TryAddSingleton<LoadBalancerRegistry>();

        services.TryAddSingleton(static sp => new InMemoryServiceRegistry(sp.GetService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceDiscoveryProvider, StaticDiscoveryProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceDiscoveryProvider, InMemoryDiscoveryProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceRegistrar, InMemoryServiceRegistrar>());
        services.TryAddSingleton<DiscoveryProviderSelector>();
        services.TryAddSingleton<ServiceCatalog>();
        services.TryAddSingleton<IServiceInstanceCache>(static sp => sp.GetRequiredService<ServiceCatalog>());
        services.TryAddSingleton<IInstanceHealthControl, InstanceHealthControl>();

        services.TryAddSingleton<RegistrationLifecycle>();
        services.TryAddSingleton<IMeshRegistration>(static sp => sp.GetRequiredService<RegistrationLifecycle>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RegistrationLifecycle>(static sp => sp.GetRequiredService<RegistrationLifecycle>()));
        return services;
    }
}
