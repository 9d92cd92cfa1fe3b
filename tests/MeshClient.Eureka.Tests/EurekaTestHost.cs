using MeshClient.Discovery;
using MeshClient.Eureka.Discovery;
using MeshClient.Registration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Eureka.Tests;

/// <summary>A generic host with MeshClient and Eureka bound to in-memory configuration, fake time and fake logging.</summary>
internal sealed class EurekaTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private EurekaTestHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public EurekaRegistryPoller Poller => Services.GetRequiredService<EurekaRegistryPoller>();

    public IServiceInstanceCache Cache => Services.GetRequiredService<IServiceInstanceCache>();

    public IMeshRegistration Registration => Services.GetRequiredService<IMeshRegistration>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public static Dictionary<string, string?> Config(params string[] serviceUrls)
    {
        var config = new Dictionary<string, string?>
        {
            ["Mesh:Discovery:Provider"] = "Eureka",
            ["Mesh:Registration:Enabled"] = "false",
        };
        for (var i = 0; i < serviceUrls.Length; i++)
        {
            config[$"Mesh:Eureka:ServiceUrls:{i}"] = serviceUrls[i];
        }

        return config;
    }

    public static Dictionary<string, string?> WithRegistration(Dictionary<string, string?> config)
    {
        config["Mesh:Registration:Enabled"] = "true";
        config["Mesh:Registration:ServiceName"] = "ratings";
        config["Mesh:Registration:Host"] = "127.0.0.1";
        config["Mesh:Registration:Port"] = "5000";
        return config;
    }

    public static async Task<EurekaTestHost> StartAsync(FakeTimeProvider time, Dictionary<string, string?> config)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddFakeLogging();
        builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh")).AddEureka();
        var host = builder.Build();
        await host.StartAsync();
        return new EurekaTestHost(host);
    }

    public Task<HealthReport> CheckHealthAsync()
        => Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));

    public IEnumerable<string> LogMessages => Logs.GetSnapshot().Select(r => r.Message);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
