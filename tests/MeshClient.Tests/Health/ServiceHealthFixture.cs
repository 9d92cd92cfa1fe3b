using MeshClient.Discovery;
using MeshClient.Events;
using MeshClient.Http;
using MeshClient.LoadBalancing;
using MeshClient.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.Health;

/// <summary>A service of <c>ratings</c> instances on ports 6001, 6002, ... fetched once, on a fake clock; outcomes are fed to its health directly.</summary>
internal sealed class ServiceHealthFixture : IAsyncDisposable
{
    public const string Service = "ratings";

    private ServiceHealthFixture(ServiceProvider services, FakeTimeProvider time, FakeDiscoveryProvider provider, ServiceEntry entry)
    {
        Services = services;
        Time = time;
        Provider = provider;
        Entry = entry;
        Events = services.GetRequiredService<IMeshEventStream>().Subscribe();
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public FakeDiscoveryProvider Provider { get; }

    public ServiceEntry Entry { get; }

    public MeshEventSubscription Events { get; }

    public InstanceState[] States => Entry.Balancer.All.OrderBy(s => s.Instance.Port).ToArray();

    public static async Task<ServiceHealthFixture> StartAsync(int instances, MeshRandom? random = null, params (string Key, string? Value)[] settings)
    {
        var time = new FakeTimeProvider();
        var provider = new FakeDiscoveryProvider();
        provider.Returns([.. Enumerable.Range(6001, instances).Select(port => FakeDiscoveryProvider.Instance(Service, port))]);
        var collection = MeshServices.Create(time, provider, settings);
        if (random is not null)
        {
            collection.AddSingleton(random);
        }

        var services = collection.BuildServiceProvider();
        var catalog = services.GetRequiredService<ServiceCatalog>();
        await catalog.RefreshAsync(Service, CancellationToken.None).Bounded();
        catalog.TryGetEntry(Service, out var entry).Should().BeTrue();
        return new ServiceHealthFixture(services, time, provider, entry!);
    }

    /// <summary>Feeds <paramref name="requests"/> outcomes to an instance, <paramref name="failures"/> of them 500s spread evenly among them.</summary>
    public void Feed(InstanceState state, int requests, int failures)
    {
        var options = Entry.Balancer.Settings!.Health.OutlierDetection;
        var failed = 0;
        for (var i = 1; i <= requests; i++)
        {
            // Bresenham: the i-th request fails when it brings the failures to round(i × failures / requests).
            var fail = (long)i * failures / requests > failed;
            failed += fail ? 1 : 0;
            Entry.Health.OnOutcome(state, fail ? RequestOutcomeKind.HttpError : RequestOutcomeKind.Success, fail ? 500 : 200, options);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Events.Dispose();
        await Services.DisposeAsync();
    }
}
