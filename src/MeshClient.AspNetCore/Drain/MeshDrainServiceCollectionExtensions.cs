using MeshClient;
using MeshClient.AspNetCore.Drain;
using MeshClient.AspNetCore.Health;
using MeshClient.Health;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the graceful drain on shutdown of MeshClient.</summary>
public static class MeshDrainServiceCollectionExtensions
{
    /// <summary>
    /// Adds the graceful drain, with options bound from <c>Mesh:Drain</c>: when the host stops (SIGTERM,
    /// <c>StopApplication</c>) the <c>mesh-drain</c> check (tag <c>ready</c>) fails at once, the instance is taken out of
    /// service in the registry, and the server keeps serving for <c>Mesh:Drain:Delay</c> and until no request is in flight
    /// (or <c>Mesh:Drain:Timeout</c>) before it stops and the registration lifecycle deregisters. Calling it more than once
    /// does nothing more.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddGracefulDrain(this IMeshClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMeshOptions<MeshDrainOptions>(DrainConstants.Section);
        return AddCore(builder);
    }

    /// <summary>Adds the drain as <see cref="AddGracefulDrain(IMeshClientBuilder)"/>, then applies <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <param name="configure">Changes the options after <c>Mesh:Drain</c> is bound.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddGracefulDrain(this IMeshClientBuilder builder, Action<MeshDrainOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddGracefulDrain(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds the drain as <see cref="AddGracefulDrain(IMeshClientBuilder)"/>, with options bound from <paramref name="section"/>.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <param name="section">The section to bind instead of <c>Mesh:Drain</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddGracefulDrain(this IMeshClientBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddMeshOptions<MeshDrainOptions>(DrainConstants.Section, section);
        return AddCore(builder);
    }

    private static IMeshClientBuilder AddCore(IMeshClientBuilder builder)
    {
        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeshDrainOptions>, MeshDrainOptionsValidator>());
        if (services.Any(d => d.ServiceType == typeof(GracefulDrain)))
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InFlightRequests>();
        services.AddSingleton<GracefulDrain>();
        services.AddHostedService(static sp => sp.GetRequiredService<GracefulDrain>());
        services.AddTransient<IStartupFilter, InFlightRequestsStartupFilter>();
        services.AddHealthChecks()
            .AddCheck<DrainReadinessCheck>(DrainConstants.DrainCheck, tags: [MeshHealthTags.Ready]);
        return builder;
    }
}
