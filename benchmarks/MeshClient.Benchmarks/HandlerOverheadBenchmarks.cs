using BenchmarkDotNet.Attributes;
using MeshClient.Discovery.Static;
using MeshClient.LoadBalancing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MeshClient.Benchmarks;

/// <summary>
/// Per-request overhead of the pipelines in front of the same in-memory <see cref="TerminalHandler"/>: a bare
/// <see cref="HttpClient"/>, a plain <see cref="IHttpClientFactory"/> client (the floor), Microsoft.Extensions.ServiceDiscovery
/// with and without <c>AddStandardResilienceHandler</c>, and MeshClient: its defaults (PeakEwma and the resilience
/// pipeline), the mesh handler alone (<c>Mesh:Resilience:Enabled=false</c>), and RoundRobin. Every request is <c>GET http://ratings/api/x</c>; the
/// "16 paths" cases cycle through <c>GET http://ratings/api/x/00</c> to <c>/15</c> instead, so that the mesh handler cannot
/// reuse the address it built for an instance's previous request (its worst case).
/// </summary>
[MemoryDiagnoser]
public class HandlerOverheadBenchmarks
{
    private const string Url = "http://ratings/api/x";
    private static readonly string[] Endpoints = ["127.0.0.1:5001", "127.0.0.1:5002", "127.0.0.1:5003"];
    private static readonly string[] Paths = [.. Enumerable.Range(0, 16).Select(static i => $"http://ratings/api/x/{i:D2}")];

    private readonly TerminalHandler _terminal = new();
    private ServiceProvider? _services;
    private HttpClient _client = null!;
    private int _next;

    /// <summary>Prepares the bare client.</summary>
    [GlobalSetup(Target = nameof(BareHttpClient))]
    public void SetupBare()
    {
        _client = new HttpClient(_terminal, disposeHandler: false);
        WarmUp(expectResolved: false);
    }

    /// <summary>Prepares the plain factory client.</summary>
    [GlobalSetup(Targets = [nameof(FactoryClient), nameof(FactoryClientPaths)])]
    public void SetupFactory()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("floor").ConfigurePrimaryHttpMessageHandler(() => _terminal);
        Build(services, "floor", expectResolved: false);
    }

    /// <summary>Prepares the factory client with Microsoft.Extensions.ServiceDiscovery (configuration provider).</summary>
    [GlobalSetup(Targets = [nameof(ServiceDiscovery), nameof(ServiceDiscoveryPaths)])]
    public void SetupServiceDiscovery()
    {
        var services = ServiceDiscoveryServices();
        services.AddHttpClient("sd").ConfigurePrimaryHttpMessageHandler(() => _terminal).AddServiceDiscovery();
        Build(services, "sd", expectResolved: true);
    }

    /// <summary>Prepares the factory client with ServiceDiscovery and the standard resilience handler (Microsoft.Extensions.Http.Resilience).</summary>
    [GlobalSetup(Target = nameof(ServiceDiscoveryStandardResilience))]
    public void SetupServiceDiscoveryResilience()
    {
        var services = ServiceDiscoveryServices();
        services.AddHttpClient("sdr").ConfigurePrimaryHttpMessageHandler(() => _terminal).AddServiceDiscovery().AddStandardResilienceHandler();
        Build(services, "sdr", expectResolved: true);
    }

    /// <summary>Prepares the factory client with MeshClient's defaults: PeakEwma and the resilience pipeline.</summary>
    [GlobalSetup(Targets = [nameof(MeshPeakEwma), nameof(MeshPeakEwmaPaths)])]
    public void SetupMeshPeakEwma() => SetupMesh(LoadBalancerNames.PeakEwma, resilience: true);

    /// <summary>Prepares the factory client with the mesh handler alone (PeakEwma, resilience off).</summary>
    [GlobalSetup(Target = nameof(MeshHandlerOnly))]
    public void SetupMeshHandlerOnly() => SetupMesh(LoadBalancerNames.PeakEwma, resilience: false);

    /// <summary>Prepares the factory client with the mesh handler alone and RoundRobin.</summary>
    [GlobalSetup(Target = nameof(MeshRoundRobin))]
    public void SetupMeshRoundRobin() => SetupMesh(LoadBalancerNames.RoundRobin, resilience: false);

    /// <summary>Disposes the client and the container.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _services?.Dispose();
        _terminal.Dispose();
    }

    /// <summary>(a) A bare <see cref="HttpClient"/> over the terminal handler (reference).</summary>
    /// <returns>A task.</returns>
    [Benchmark(Description = "a) bare HttpClient")]
    public async Task BareHttpClient() => (await _client.GetAsync(Url).ConfigureAwait(false)).Dispose();

    /// <summary>(b) A plain <see cref="IHttpClientFactory"/> client: the floor.</summary>
    /// <returns>A task.</returns>
    [Benchmark(Baseline = true, Description = "b) factory (floor)")]
    public async Task FactoryClient() => (await _client.GetAsync(Url).ConfigureAwait(false)).Dispose();

    /// <summary>(c) Factory client with Microsoft.Extensions.ServiceDiscovery.</summary>
    /// <returns>A task.</returns>
    [Benchmark(Description = "c) factory + ServiceDiscovery")]
    public async Task ServiceDiscovery() => (await _client.GetAsync(Url).ConfigureAwait(false)).Dispose();

    /// <summary>(c') Factory client with ServiceDiscovery and <c>AddStandardResilienceHandler</c>.</summary>
    /// <returns>A task.</returns>
    [Benchmark(Description = "c) factory + ServiceDiscovery + standard resilience")]
    public async Task ServiceDiscoveryStandardResilience() => (await _client.GetAsync(Url).ConfigureAwait(false)).Dispose();

    /// <summary>(d) Factory client with the mesh handler alone: PeakEwma, resilience off.</summary>
    /// <returns>A task.</returns>
    [Benchmark(Description = "d) factory + mesh handler (PeakEwma)")]
    public async Task MeshHandlerOnly() => (await _client.GetAsync(Url).ConfigureAwait(false)).Dispose();

    /// <summary>(e) Factory client with MeshClient's defaults: PeakEwma and the resilience pipeline.</summary>
    /// <returns>A task.</returns>
    [Benchmark(Description = "e) factory + mesh defaults (PeakEwma + resilience)")]
    public async Task MeshPeakEwma() => (await _client.GetAsync(Url).ConfigureAwait(false)).Dispose();

    /// <summary>(d') Factory client with the mesh handler alone, RoundRobin.</summary>
    /// <returns>A task.</returns>
    [Benchmark(Description = "d) factory + mesh handler (RoundRobin)")]
    public async Task MeshRoundRobin() => (await _client.GetAsync(Url).ConfigureAwait(false)).Dispose();

    /// <summary>(b) The floor, cycling through 16 paths.</summary>
    /// <returns>A task.</returns>
    [Benchmark(Description = "b) factory (floor), 16 paths")]
    public async Task FactoryClientPaths() => (await _client.GetAsync(NextPath()).ConfigureAwait(false)).Dispose();

    /// <summary>(c) ServiceDiscovery, cycling through 16 paths.</summary>
    /// <returns>A task.</returns>
    [Benchmark(Description = "c) factory + ServiceDiscovery, 16 paths")]
    public async Task ServiceDiscoveryPaths() => (await _client.GetAsync(NextPath()).ConfigureAwait(false)).Dispose();

    /// <summary>(e) MeshClient's defaults, cycling through 16 paths.</summary>
    /// <returns>A task.</returns>
    [Benchmark(Description = "e) factory + mesh defaults, 16 paths")]
    public async Task MeshPeakEwmaPaths() => (await _client.GetAsync(NextPath()).ConfigureAwait(false)).Dispose();

    private string NextPath() => Paths[_next++ & (Paths.Length - 1)];

    private static ServiceCollection ServiceDiscoveryServices()
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < Endpoints.Length; i++)
        {
            settings[$"Services:ratings:http:{i}"] = Endpoints[i];
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddServiceDiscovery();
        return services;
    }

    private void SetupMesh(string balancer, bool resilience)
    {
        var services = new ServiceCollection();
        services.AddMeshClient(o =>
        {
            o.LoadBalancer = balancer;
            o.Resilience.Enabled = resilience;
            var ratings = new MeshServiceOptions();
            foreach (var endpoint in Endpoints)
            {
                ratings.Instances.Add(new StaticInstanceOptions { Url = "http://" + endpoint });
            }

            o.Services["ratings"] = ratings;
        });
        services.AddHttpClient("mesh").ConfigurePrimaryHttpMessageHandler(() => _terminal).AddMeshHandler();
        Build(services, "mesh", expectResolved: true);
    }

    private void Build(ServiceCollection services, string name, bool expectResolved)
    {
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<IHttpClientFactory>().CreateClient(name);
        WarmUp(expectResolved);
    }

    /// <summary>Sends a few requests so that first-fetch waits and lazy initialisation are not measured, and checks where they went.</summary>
    private void WarmUp(bool expectResolved)
    {
        for (var i = 0; i < 8; i++)
        {
            _client.GetAsync(Url).GetAwaiter().GetResult().Dispose();
            var sentTo = _terminal.LastRequestUri?.Authority;
            var resolved = Array.IndexOf(Endpoints, sentTo) >= 0;
            if (resolved != expectResolved || _terminal.LastRequestUri?.AbsolutePath != "/api/x")
            {
                throw new InvalidOperationException($"The request went to {_terminal.LastRequestUri}; expected {(expectResolved ? "an instance" : Url)}.");
            }
        }
    }
}
