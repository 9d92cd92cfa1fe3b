using MeshClient.Consul.Discovery;
using MeshClient.Consul.Registration;
using MeshClient.Discovery;
using MeshClient.Registration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Consul.Tests;

/// <summary>A generic host with MeshClient and Consul bound to in-memory configuration, fake time and fake logging.</summary>
internal sealed class ConsulTestHost : IAsyncDisposable
{
    public const string Token = "s3cr3t-acl-token-0f9a";

    private readonly IHost _host;
    private bool _stopped;

    private ConsulTestHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public ConsulWatchers Watchers => Services.GetRequiredService<ConsulWatchers>();

    public IServiceDiscoveryProvider Provider => Services.GetServices<IServiceDiscoveryProvider>().Single(p => p.Name == "Consul");

    public IMeshRegistration Registration => Services.GetRequiredService<IMeshRegistration>();

    public IConsulMaintenance Maintenance => Services.GetRequiredService<IConsulMaintenance>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public IEnumerable<string> LogMessages => Logs.GetSnapshot().Select(r => r.Message);

    public static Dictionary<string, string?> Config(Uri agent) => new()
    {
        ["Mesh:Discovery:Provider"] = "Consul",
        ["Mesh:Registration:Enabled"] = "false",
        ["Mesh:Consul:Address"] = agent.AbsoluteUri,
    };

    public static Dictionary<string, string?> WithRegistration(Dictionary<string, string?> config, string mode = "Ttl")
    {
        config["Mesh:Registration:Enabled"] = "true";
        config["Mesh:Registration:ServiceName"] = "ratings";
        config["Mesh:Registration:Host"] = "127.0.0.1";
        config["Mesh:Registration:Port"] = "5000";
        config["Mesh:Consul:Check:Mode"] = mode;
        return config;
    }

    public static async Task<ConsulTestHost> StartAsync(TimeProvider time, Dictionary<string, string?> config)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddSingleton(time);
        builder.Services.AddFakeLogging();
        builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh")).AddConsul();
        var host = builder.Build();
        await host.StartAsync();
        return new ConsulTestHost(host);
    }

    public Task<HealthReport> CheckHealthAsync()
        => Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));

    /// <summary>Resolves through the provider (starting the watch loop) and returns the instance ids.</summary>
    public async Task<string[]> ResolveIdsAsync(string service)
        => [.. (await Provider.ResolveAsync(service, CancellationToken.None)).Instances.Select(i => i.InstanceId).Order(StringComparer.Ordinal)];

    /// <summary>Waits until the watcher of a service holds exactly these instance ids, woken by its change token.</summary>
    public async Task WaitForIdsAsync(string service, params string[] ids)
    {
        var watcher = Watchers.GetOrStart(service);
        bool Matches() => watcher.Result?.Instances.Select(i => i.InstanceId).Order(StringComparer.Ordinal).SequenceEqual(ids) ?? false;
        await Wait.Until(Matches, () =>
        {
            var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            watcher.Watch().RegisterChangeCallback(static s => ((TaskCompletionSource)s!).TrySetResult(), changed);
            return Matches() ? Task.CompletedTask : changed.Task;
        });
    }

    public async Task StopAsync()
    {
        _stopped = true;
        await _host.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await _host.StopAsync();
        }

        _host.Dispose();
    }
}
