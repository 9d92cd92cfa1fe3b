using System.Diagnostics;
using System.Globalization;
using MeshClient.Discovery;
using MeshClient.Events;
using MeshClient.Testing.Consul;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Benchmarks;

/// <summary>
/// Not a BenchmarkDotNet benchmark (<c>-- --consul-propagation</c>): how fast a change on a Consul agent reaches the
/// balancer's instance cache through blocking queries, and how many requests an idle watcher sends.
/// <list type="bullet">
/// <item>Propagation, real <see cref="TimeProvider.System"/>: 200 changes (100 registrations and 100 deregistrations of
/// one instance beside a fixed one) on the in-process <see cref="ConsulTestAgent"/>; each is timed from the agent's state
/// change to the <see cref="InstancesChangedEvent"/> on <see cref="IMeshEventStream"/>, checked against
/// <see cref="IServiceInstanceCache"/>. Every change is made while the watcher's blocking call is held by the agent (as
/// in steady state), so the rate limiter (<c>MinQueryInterval</c>, 50 ms here to keep the run short) is not in it.</item>
/// <item>Idle requests, <see cref="FakeTimeProvider"/>: a watcher of an unchanging service, 30 fake minutes in 1 s steps,
/// for <c>WaitTime</c> 5 min (default) and 1 min; the agent's <c>/v1/health/service</c> requests divided by 30.</item>
/// </list>
/// </summary>
internal static class ConsulPropagationBenchmark
{
    public const string Switch = "--consul-propagation";

    private const string Service = "bench";
    private const int Changes = 200;
    private const int IdleMinutes = 30;

    /// <summary>The bound of one wait for a result, so that a broken watcher fails the run instead of hanging it.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(TextWriter output)
    {
        var latencies = await MeasurePropagationAsync();
        Array.Sort(latencies);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"propagation agent -> instance cache over {Changes} changes: median {Percentile(latencies, 0.50):0.00} ms, p99 {Percentile(latencies, 0.99):0.00} ms, max {latencies[^1]:0.00} ms"));
        foreach (var wait in new[] { TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1) })
        {
            var requests = await CountIdleRequestsAsync(wait);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"idle watcher, WaitTime {wait:c}: {requests} requests in {IdleMinutes} fake minutes = {(double)requests / IdleMinutes:0.00} per minute"));
        }

        return 0;
    }

    private static async Task<double[]> MeasurePropagationAsync()
    {
        await using var agent = await ConsulTestAgent.StartAsync(TimeProvider.System);
        agent.RegisterService(Service, "bench-0", 9000);
        using var host = await StartHostAsync(TimeProvider.System, agent, TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(50));
        var cache = host.Services.GetRequiredService<IServiceInstanceCache>();
        using var events = host.Services.GetRequiredService<IMeshEventStream>().Subscribe();
        var held = agent.WaitForRequestAsync(IsHeldHealthRead);
        (await cache.GetSnapshotAsync(Service, CancellationToken.None).AsTask().WaitAsync(Guard)).Expect(1);
        await held.WaitAsync(Guard);

        var latencies = new double[Changes];
        for (var i = 0; i < Changes; i++)
        {
            var register = i % 2 == 0;
            // The watcher's next call blocks on the index this change creates (each change bumps it by one); the call
            // being released still carries the old one, so the wait cannot complete on its answer.
            var index = (agent.Index + 1).ToString(CultureInfo.InvariantCulture);
            held = agent.WaitForRequestAsync(r => IsHeldHealthRead(r) && r.QueryValue("index") == index);
            var started = Stopwatch.GetTimestamp();
            if (register)
            {
                agent.RegisterService(Service, "bench-1", 9001);
            }
            else
            {
                agent.Deregister("bench-1");
            }

            await NextChangeAsync(events, register ? 2 : 1);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            cache.TryGetSnapshot(Service, out var snapshot);
            snapshot.Expect(register ? 2 : 1);
            await held.WaitAsync(Guard);
        }

        return latencies;
    }

    private static async Task<int> CountIdleRequestsAsync(TimeSpan wait)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z", CultureInfo.InvariantCulture));
        await using var agent = await ConsulTestAgent.StartAsync(time);
        agent.RegisterService(Service, "bench-0", 9000);
        using var host = await StartHostAsync(time, agent, wait, TimeSpan.FromSeconds(1));
        var held = agent.WaitForRequestAsync(IsHeldHealthRead);
        (await host.Services.GetRequiredService<IServiceInstanceCache>().GetSnapshotAsync(Service, CancellationToken.None).AsTask().WaitAsync(Guard)).Expect(1);
        await held.WaitAsync(Guard);

        var before = HealthReads(agent);
        for (var second = 0; second < IdleMinutes * 60; second++)
        {
            // Let a call released by this second reach the agent again before the clock moves on (bounded real wait).
            var next = agent.WaitForRequestAsync(IsHeldHealthRead);
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(next, Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System));
        }

        return HealthReads(agent) - before;
    }

    private static async Task<IHost> StartHostAsync(TimeProvider time, ConsulTestAgent agent, TimeSpan wait, TimeSpan minQueryInterval)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mesh:Discovery:Provider"] = "Consul",
            ["Mesh:Registration:Enabled"] = "false",
            ["Mesh:Consul:Address"] = agent.Address.AbsoluteUri,
            ["Mesh:Consul:WaitTime"] = wait.ToString("c", CultureInfo.InvariantCulture),
            ["Mesh:Consul:MinQueryInterval"] = minQueryInterval.ToString("c", CultureInfo.InvariantCulture),
        });
        builder.Services.AddSingleton(time);
        builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh")).AddConsul();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Reads events until the cache reports the service with <paramref name="instances"/> instances.</summary>
    private static async Task NextChangeAsync(MeshEventSubscription events, int instances)
    {
        using var timeout = new CancellationTokenSource(Guard, TimeProvider.System);
        while (await events.Reader.ReadAsync(timeout.Token) is not InstancesChangedEvent { ServiceName: Service } changed || changed.InstanceCount != instances)
        {
        }
    }

    private static bool IsHeldHealthRead(ConsulRecordedRequest r) => r.Path == "/v1/health/service/" + Service && r.QueryValue("index") is { Length: > 0 } and not "0";

    private static int HealthReads(ConsulTestAgent agent) => agent.Requests.Count(static r => r.Path == "/v1/health/service/" + Service);

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static void Expect(this ServiceSnapshot? snapshot, int instances)
    {
        if (snapshot?.Instances.Count != instances)
        {
            throw new InvalidOperationException($"The instance cache holds {snapshot?.Instances.Count} instances of {Service}, expected {instances}.");
        }
    }
}
