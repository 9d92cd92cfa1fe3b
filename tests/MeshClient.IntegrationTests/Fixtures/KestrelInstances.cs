using System.Globalization;
using MeshClient.Discovery;
using MeshClient.Discovery.InMemory;

namespace MeshClient.IntegrationTests.Fixtures;

/// <summary>N <see cref="KestrelInstance"/>s of one service, <c>{service}-1</c> ... <c>{service}-N</c>, with their server-side counts.</summary>
internal sealed class KestrelInstances : IAsyncDisposable
{
    public const string ServiceName = "ratings";

    private readonly List<KestrelInstance> _instances;

    private KestrelInstances(List<KestrelInstance> instances) => _instances = instances;

    public IReadOnlyList<KestrelInstance> All => _instances;

    public KestrelInstance this[int index] => _instances[index];

    public long TotalRequests => _instances.Sum(i => i.Requests);

    public static async Task<KestrelInstances> StartAsync(int count)
    {
        var instances = new KestrelInstances([]);
        try
        {
            for (var i = 1; i <= count; i++)
            {
                instances._instances.Add(await KestrelInstance.StartAsync(string.Create(CultureInfo.InvariantCulture, $"{ServiceName}-{i}")));
            }

            return instances;
        }
        catch
        {
            await instances.DisposeAsync();
            throw;
        }
    }

    /// <summary>Returns the server-side count of every instance, by id.</summary>
    public Dictionary<string, long> Counts() => _instances.ToDictionary(i => i.Id, i => i.Requests, StringComparer.Ordinal);

    public void ResetCounts() => _instances.ForEach(i => i.ResetCount());

    /// <summary>Returns the <c>Mesh:Services:ratings:Instances</c> configuration of every instance, with its status.</summary>
    public Dictionary<string, string?> StaticSettings(Func<KestrelInstance, InstanceStatus>? status = null)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < _instances.Count; i++)
        {
            var key = $"Mesh:Services:{ServiceName}:Instances:{i}";
            settings[$"{key}:Url"] = _instances[i].Url;
            settings[$"{key}:InstanceId"] = _instances[i].Id;
            settings[$"{key}:Status"] = (status?.Invoke(_instances[i]) ?? InstanceStatus.Up).ToString();
        }

        return settings;
    }

    /// <summary>Registers every instance, up, in the registry.</summary>
    public void RegisterAll(InMemoryServiceRegistry registry)
    {
        foreach (var instance in _instances)
        {
            registry.Register(new ServiceInstance(ServiceName, instance.Id, "http", "127.0.0.1", instance.Port));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        _instances.Clear();
    }
}
