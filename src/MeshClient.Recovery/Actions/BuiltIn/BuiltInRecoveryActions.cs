using MeshClient.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MeshClient.Recovery;

/// <summary>Registers the built-in actions (migrate, drain-self, restore, restart, scale-out, webhook) and their options.</summary>
internal static class BuiltInRecoveryActions
{
    /// <summary>Adds the built-in actions once; a user action registered with the same name wins.</summary>
    /// <param name="services">The services.</param>
    /// <param name="recoverySection">The <c>Mesh:Recovery</c> section, or <see langword="null"/> to bind from the application's configuration.</param>
    internal static void AddTo(IServiceCollection services, IConfiguration? recoverySection)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(static d => d.ServiceType == typeof(SelfRecoveryState)))
        {
            return;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SelfRecoveryState>();
        AddOptions<RecoveryRestartOptions, RecoveryRestartOptionsValidator>(services, recoverySection, BuiltInActionConstants.RestartSection);
        AddOptions<RecoveryWebhookOptions, RecoveryWebhookOptionsValidator>(services, recoverySection, WebhookConstants.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecoveryWebhookOptions>, RecoveryWebhookOptionsCrossValidator>());

        // A plain client (not through the mesh handler); its default loggers would log the URL with its query.
        services.AddHttpClient(WebhookConstants.HttpClientName).RemoveAllLoggers();
        services.TryAddSingleton<WebhookSender>();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecoveryAction, MigrateAction>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecoveryAction, DrainSelfAction>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecoveryAction, RestoreAction>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecoveryAction, RestartAction>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecoveryAction, WebhookAction>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecoveryAction, ScaleOutAction>());

        services.TryAddSingleton<RecoveryReadinessHealthCheck>();
        services.TryAddSingleton<RecoveryLivenessHealthCheck>();
        services.AddHealthChecks()
            .Add(new HealthCheckRegistration(
                BuiltInActionConstants.ReadinessCheckName, static sp => sp.GetRequiredService<RecoveryReadinessHealthCheck>(), null, [MeshHealthTags.Ready]))
            .Add(new HealthCheckRegistration(
                BuiltInActionConstants.LivenessCheckName, static sp => sp.GetRequiredService<RecoveryLivenessHealthCheck>(), null, [MeshHealthTags.Live]));
    }

    private static void AddOptions<TOptions, TValidator>(IServiceCollection services, IConfiguration? recoverySection, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        var builder = services.AddOptionsWithValidateOnStart<TOptions>();
        if (recoverySection is null)
        {
            builder.BindConfiguration(BuiltInActionConstants.RecoverySectionName + ":" + section);
        }
        else
        {
            builder.Bind(recoverySection.GetSection(section));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
