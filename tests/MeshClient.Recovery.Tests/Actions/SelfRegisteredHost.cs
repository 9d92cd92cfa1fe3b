using MeshClient.Events;
using MeshClient.Registration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeshClient.Recovery.Tests.Actions;

/// <summary>
/// A generic host (no web server) that registers itself with a registry on loopback under a fixed port, with the
/// recovery engine and its built-in actions (<c>AddRecovery</c>).
/// </summary>
internal sealed class SelfRegisteredHost : IAsyncDisposable
{
    public const string Id = "ratings-recovery";

    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private SelfRegisteredHost(IHost host) => Host = host;

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary>Builds, starts and waits (bounded) until the registration lifecycle reports Registered.</summary>
    public static async Task<SelfRegisteredHost> StartAsync(Dictionary<string, string?> configuration, Action<IMeshClientBuilder> provider)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "ratings", Args = [] });
        builder.Logging.ClearProviders();
        configuration["Mesh:Registration:Enabled"] = "true";
        configuration["Mesh:Registration:ServiceName"] = "ratings";
        configuration["Mesh:Registration:InstanceId"] = Id;
        configuration["Mesh:Registration:Host"] = "127.0.0.1";
        configuration["Mesh:Registration:Port"] = "5999";
        builder.Configuration.AddInMemoryCollection(configuration);
        var mesh = builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh"));
        provider(mesh);
        mesh.AddRecovery(builder.Configuration.GetSection("Mesh:Recovery"));
        var host = new SelfRegisteredHost(builder.Build());
        using var events = host.Services.GetRequiredService<IMeshEventStream>().Subscribe();
        await host.Host.StartAsync();
        using var deadline = new CancellationTokenSource(Bound, TimeProvider.System);
        await foreach (var e in events.Reader.ReadAllAsync(deadline.Token))
        {
            if (e is RegistrationStateChangedEvent { State: RegistrationState.Registered })
            {
                break;
            }
        }

        return host;
    }

    public ValueTask<RecoveryActionResult> RunAsync(string action)
        => Services.Action(action).ExecuteAsync(ActionContexts.Self(Services), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
