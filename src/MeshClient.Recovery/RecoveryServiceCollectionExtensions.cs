using MeshClient;
using MeshClient.Recovery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the self-recovery engine of MeshClient.</summary>
public static class RecoveryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the recovery engine with options bound from <c>Mesh:Recovery</c>: policies turn mesh events into actions
    /// (built in, or added with <see cref="AddRecoveryAction{T}"/>) behind guardrails, verify them and escalate; every
    /// decision is journaled and served at <c>/mesh/recovery</c>. Calling it more than once does nothing more.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddRecovery(this IMeshClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMeshOptions<RecoveryOptions>(RecoveryConstants.Section);
        return AddCore(builder, null);
    }

    /// <summary>Adds the engine as <see cref="AddRecovery(IMeshClientBuilder)"/>, then applies <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <param name="configure">Changes the options after <c>Mesh:Recovery</c> is bound.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddRecovery(this IMeshClientBuilder builder, Action<RecoveryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddRecovery(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds the engine as <see cref="AddRecovery(IMeshClientBuilder)"/>, with options bound from <paramref name="section"/>.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <param name="section">The section to bind instead of <c>Mesh:Recovery</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddRecovery(this IMeshClientBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddMeshOptions<RecoveryOptions>(RecoveryConstants.Section, section);
        return AddCore(builder, section);
    }

    /// <summary>Registers a user action, named by policies through its <see cref="IRecoveryAction.Name"/>; it wins over a built-in action of the same name.</summary>
    /// <typeparam name="T">The action type (a singleton).</typeparam>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddRecoveryAction<T>(this IMeshClientBuilder builder)
        where T : class, IRecoveryAction
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecoveryAction, T>());
        return builder;
    }

    private static IMeshClientBuilder AddCore(IMeshClientBuilder builder, IConfigurationSection? section)
    {
        var services = builder.Services;
        if (services.Any(static d => d.ServiceType == typeof(RecoveryEngine)))
        {
            return builder;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecoveryOptions>, RecoveryOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecoveryOptions>, RecoveryOptionsCrossValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new RecoveryActionCatalog(sp.GetServices<IRecoveryAction>()));
        services.TryAddSingleton(static sp => new RecoveryJournal(sp.GetRequiredService<IOptions<RecoveryOptions>>().Value.JournalCapacity));
        services.TryAddSingleton(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<RecoveryOptions>>().Value;
            return new RecoverySwitches(options.Enabled, options.DryRun);
        });
        services.TryAddSingleton<RecoveryMetrics>();
        services.TryAddSingleton<IRecoveryEnvironment, MeshRecoveryEnvironment>();
        services.TryAddSingleton<RecoveryEngine>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RecoveryEngine>(static sp => sp.GetRequiredService<RecoveryEngine>()));
        services.TryAddSingleton<IRecoveryController, RecoveryController>();
        builder.AddMeshStatusContributor<RecoveryStatusContributor>();
        BuiltInRecoveryActions.AddTo(services, section ?? builder.Configuration?.GetSection(RecoveryConstants.Section));
        return builder;
    }
}
