using System.Reflection;
using MeshClient.Discovery;
using MeshClient.Events;
using MeshClient.Http;
using MeshClient.LoadBalancing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Anomaly.Tests.Feed;

/// <summary>The feed registered as users register it (AddMeshClient().AddAnomalyDetection()), on a fake clock, with an event subscription.</summary>
internal sealed class FeedHarness : IDisposable
{
    public FeedHarness(Action<AnomalyOptions>? configure = null, params (string Key, string? Value)[] settings)
        : this(null, configure, settings)
    {
    }

    /// <summary>As the other constructor, with <paramref name="extra"/> registered before <c>AddMeshClient</c> (so that its services win).</summary>
    public FeedHarness(Action<IServiceCollection>? extra, Action<AnomalyOptions>? configure, params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => s.Value)).Build();
        var services = new ServiceCollection()
            .AddLogging(static logging => logging.AddFakeLogging())
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<IConfiguration>(configuration);
        extra?.Invoke(services);
        var builder = services.AddMeshClient(configuration.GetSection("Mesh"));
        if (configure is null)
        {
            builder.AddAnomalyDetection();
        }
        else
        {
            builder.AddAnomalyDetection(configure);
        }

        Services = services.BuildServiceProvider();
        Events = Services.GetRequiredService<IMeshEventStream>().Subscribe(10_000);
        Feed = (AnomalyFeed)Services.GetServices<IRequestOutcomeObserver>().Single(o => o is AnomalyFeed);
    }

    public FakeTimeProvider Time { get; } = new();

    public ServiceProvider Services { get; }

    public AnomalyFeed Feed { get; }

    public MeshEventSubscription Events { get; }

    public List<MeshEvent> DrainEvents()
    {
        var events = new List<MeshEvent>();
        while (Events.Reader.TryRead(out var e))
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>Records <paramref name="requests"/> outcomes of <c>svc/i1</c>, the first <paramref name="failures"/> failed, then closes one bucket.</summary>
    public void Bucket(int requests, int failures, TimeSpan latency)
    {
        for (var i = 0; i < requests; i++)
        {
            Feed.Record("svc", "i1", null, i < failures, latency);
        }

        Time.Advance(Feed.BucketInterval);
    }

    /// <summary>An <see cref="InstanceState"/> as the balancer makes it (its constructor is internal to the core).</summary>
    public InstanceState NewInstance(string serviceName, string instanceId) =>
        (InstanceState)Activator.CreateInstance(
            typeof(InstanceState), BindingFlags.NonPublic | BindingFlags.Instance, null, [new ServiceInstance(serviceName, instanceId, "http", "127.0.0.1", 8080), Time], null)!;

    public void Dispose()
    {
        Events.Dispose();
        Services.Dispose();
    }
}

/// <summary>A detector that records what it sees and scores from a script (0 by default).</summary>
internal sealed class RecordingDetector(Func<double, double>? score = null) : IAnomalyDetector
{
    public List<(DateTimeOffset Timestamp, double Value)> Values { get; } = [];

    public double Observe(DateTimeOffset timestamp, double value)
    {
        lock (Values)
        {
            Values.Add((timestamp, value));
        }

        return score?.Invoke(value) ?? 0;
    }
}

/// <summary>A detector that scores 1 outside [lower, upper] and exposes that range.</summary>
internal sealed class RangeDetector(double lower, double upper) : IAnomalyDetector, IExpectedRangeProvider
{
    public double Observe(DateTimeOffset timestamp, double value) => value < lower || value > upper ? 1 : 0;

    public bool TryGetExpectedRange(out double lower1, out double upper1)
    {
        (lower1, upper1) = (lower, upper);
        return true;
    }
}
