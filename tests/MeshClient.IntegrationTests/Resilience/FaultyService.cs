using System.Globalization;
using MeshClient.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.IntegrationTests.Resilience;

/// <summary>
/// N <see cref="FaultyInstance"/>s of <c>ratings</c> and a started caller host whose mesh runs on a
/// <see cref="FakeTimeProvider"/> (timeouts, backoff, ejection and break times move only when the test advances it).
/// </summary>
internal sealed class FaultyService : IAsyncDisposable
{
    public const string ServiceName = "ratings";

    private readonly List<FaultyInstance> _instances;
    private IHost? _host;

    private FaultyService(List<FaultyInstance> instances) => _instances = instances;

    public FakeTimeProvider Time { get; } = new();

    public IReadOnlyList<FaultyInstance> Instances => _instances;

    public FaultyInstance this[int index] => _instances[index];

    public long TotalHits => _instances.Sum(i => i.Hits);

    public IServiceProvider Services => _host!.Services;

    public static async Task<FaultyService> StartAsync(int count, params (string Key, string? Value)[] settings)
    {
        var service = new FaultyService([]);
        try
        {
            for (var i = 1; i <= count; i++)
            {
                service._instances.Add(await FaultyInstance.StartAsync(string.Create(CultureInfo.InvariantCulture, $"{ServiceName}-{i}")));
            }

            await service.StartCallerAsync(settings);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    public MeshEventSubscription Subscribe() => Services.GetRequiredService<IMeshEventStream>().Subscribe();

    public HttpClient CreateClient() => Services.GetRequiredService<IHttpClientFactory>().CreateClient("mesh");

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }
    }

    private async Task StartCallerAsync((string Key, string? Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "caller" });
        var all = new Dictionary<string, string?>
        {
            ["Mesh:Registration:Enabled"] = "false",
            [$"Mesh:Services:{ServiceName}:LoadBalancer"] = "RoundRobin",
        };
        for (var i = 0; i < _instances.Count; i++)
        {
            all[$"Mesh:Services:{ServiceName}:Instances:{i}:Url"] = _instances[i].Url;
            all[$"Mesh:Services:{ServiceName}:Instances:{i}:InstanceId"] = _instances[i].Id;
        }

        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(all);
        builder.Services.AddSingleton<TimeProvider>(Time); // before AddMeshClient, whose TryAdd keeps it
        builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh"));
        builder.Services.AddHttpClient("mesh").AddMeshHandler();
        _host = builder.Build();
        await _host.StartAsync();
    }
}
