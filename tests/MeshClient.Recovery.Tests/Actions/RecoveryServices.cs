using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Recovery.Tests.Actions;

/// <summary>A service provider with MeshClient and the built-in actions, configured from a dictionary.</summary>
internal static class RecoveryServices
{
    public static ServiceProvider Build(Dictionary<string, string?>? configuration = null, Action<IServiceCollection>? configure = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(configuration ?? []).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(ActionContexts.Start));
        services.AddMeshClient(config.GetSection("Mesh"));
        BuiltInRecoveryActions.AddTo(services, config.GetSection("Mesh:Recovery"));
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static IRecoveryAction Action(this IServiceProvider services, string name)
        => services.GetServices<IRecoveryAction>().Single(a => a.Name == name);

    public static async Task<HealthStatus> CheckAsync(this IServiceProvider services, string checkName)
    {
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == checkName);
        return report.Entries[checkName].Status;
    }
}
