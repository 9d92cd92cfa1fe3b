using System.Globalization;
using MeshDemo.Registries;

namespace MeshDemo.Cluster;

/// <summary>The instances of <c>ratings</c> a scenario runs against, started side by side and registered in the shared registry.</summary>
internal sealed class RatingsCluster : IAsyncDisposable
{
    public const string ServiceName = "ratings";

    /// <summary>The weights of the default three instances, so that <c>WeightedRoundRobin</c> shows its effect.</summary>
    public static readonly IReadOnlyList<int> DefaultWeights = [1, 2, 3];

    /// <summary>How long an instance takes to answer: small, fixed, so latency reflects queueing, not work.</summary>
    public static readonly TimeSpan DefaultServiceTime = TimeSpan.FromMilliseconds(1);

    private static readonly TimeSpan RegistrationTimeout = TimeSpan.FromSeconds(15);

    private readonly List<RatingsInstance> _instances;

    private RatingsCluster(List<RatingsInstance> instances) => _instances = instances;

    public IReadOnlyList<RatingsInstance> Instances => _instances;

    /// <summary>Gets how many requests the instances received in all, counted on the servers (retries included).</summary>
    public long Served => _instances.Sum(i => i.Served);

    /// <summary>Starts one instance per weight, <c>ratings-1</c>, <c>ratings-2</c>, ..., and waits until the registry lists them all as up.</summary>
    public static async Task<RatingsCluster> StartAsync(IDemoRegistry registry, IReadOnlyList<int> weights, TimeSpan serviceTime, CancellationToken cancellationToken)
    {
        var cluster = new RatingsCluster([]);
        try
        {
            for (var i = 0; i < weights.Count; i++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"{ServiceName}-{i + 1}");
                cluster._instances.Add(await RatingsInstance.StartAsync(registry, id, weights[i], serviceTime, cancellationToken));
            }

            await registry.WaitForInstancesAsync(ServiceName, weights.Count, RegistrationTimeout, cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
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
