using MeshClient;
using MeshClient.AspNetCore.Health;
using MeshClient.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Kubernetes-style health probes of MeshClient.</summary>
public static class MeshHealthServiceCollectionExtensions
{
    /// <summary>
    /// Adds the probe checks (<c>mesh-registration</c> and <c>mesh-required-services</c> tagged <c>ready</c>,
    /// <c>mesh-startup</c> tagged <c>startup</c>), the readiness-to-registry mirror and the readiness and liveness
    /// watchers that publish <see cref="MeshClient.Events.ProbeStatusChangedEvent"/> on the mesh event stream when this
    /// process's probes change, with options bound from <c>Mesh:Probes</c>. Map the endpoints with <c>app.MapMeshHealth()</c>. Calling it more than once does nothing more.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddHealthProbes(this IMeshClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMeshOptions<MeshProbeOptions>(HealthProbeConstants.Section);
        return AddCore(builder);
    }

    /// <summary>Adds the probes as <see cref="AddHealthProbes(IMeshClientBuilder)"/>, then applies <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <param name="configure">Changes the options after <c>Mesh:Probes</c> is bound.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddHealthProbes(this IMeshClientBuilder builder, Action<MeshProbeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddHealthProbes(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds the probes as <see cref="AddHealthProbes(IMeshClientBuilder)"/>, with options bound from <paramref name="section"/>.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <param name="section">The section to bind instead of <c>Mesh:Probes</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddHealthProbes(this IMeshClientBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddMeshOptions<MeshProbeOptions>(HealthProbeConstants.Section, section);
        return AddCore(builder);
    }

    private static IMeshClientBuilder AddCore(IMeshClientBuilder builder)
    {
        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeshProbeOptions>, MeshProbeOptionsValidator>());
        if (services.Any(d => d.ServiceType == typeof(ReadinessStatusMirror)))
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ReadinessStatusMirror>();
        services.AddHostedService(static sp => sp.GetRequiredService<ReadinessStatusMirror>());
        services.AddSingleton<LivenessWatcher>();
        services.AddHostedService(static sp => sp.GetRequiredService<LivenessWatcher>());
        services.AddHealthChecks()
            .AddCheck<RegistrationReadinessCheck>(HealthProbeConstants.RegistrationCheck, tags: [MeshHealthTags.Ready])
            .AddCheck<RequiredServicesCheck>(HealthProbeConstants.RequiredServicesCheck, tags: [MeshHealthTags.Ready])
            .AddCheck<StartupCheck>(HealthProbeConstants.StartupCheck, tags: [HealthProbeConstants.StartupTag]);
        return builder;
    }
}
