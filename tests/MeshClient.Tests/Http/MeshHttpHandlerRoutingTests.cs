using MeshClient.Discovery;
using MeshClient.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace MeshClient.Tests.Http;

/// <summary>Which requests the mesh handler routes, and how it rewrites them.</summary>
public sealed class MeshHttpHandlerRoutingTests
{
    private static readonly (string, string?) Ratings = ("Mesh:Services:ratings:Instances:0", "http://127.0.0.1:5001");
    private readonly TestTimeProvider _time = new();
    private readonly StubHttpHandler _stub = new();

    [Theory]
    [InlineData("http://ratings/api/x?q=1", "http://127.0.0.1:5001/api/x?q=1")]
    [InlineData("http://ratings/", "http://127.0.0.1:5001/")]
    [InlineData("http://ratings:8080/api/a%20b?q=x%26y&r=%2F", "http://127.0.0.1:5001/api/a%20b?q=x%26y&r=%2F")]
    [InlineData("https://ratings/secure", "http://127.0.0.1:5001/secure")]
    public async Task SendAsync_ServiceHost_RewritesToTheInstanceKeepingPathAndQuery(string requested, string sent)
    {
        await using var services = Build(null, Ratings);

        using var response = await services.CreateMeshTestClient().GetAsync(new Uri(requested));

        _stub.Requests.Should().ContainSingle().Which.AbsoluteUri.Should().Be(sent);
    }

    [Fact]
    public async Task SendAsync_AfterTheCall_RestoresTheRequestUri()
    {
        await using var services = Build(null, Ratings);
        var original = new Uri("http://ratings/api/x?q=1");
        using var request = new HttpRequestMessage(HttpMethod.Get, original);

        using var response = await services.CreateMeshTestClient().SendAsync(request);

        request.RequestUri.Should().BeSameAs(original);
        _stub.Requests.Single().Authority.Should().Be("127.0.0.1:5001");
    }

    [Fact]
    public async Task SendAsync_AfterAFailedCall_RestoresTheRequestUri()
    {
        await using var services = Build(null, Ratings);
        _stub.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));
        var original = new Uri("http://ratings/api/x");
        using var request = new HttpRequestMessage(HttpMethod.Get, original);

        await FluentActions.Awaiting(() => services.CreateMeshTestClient().SendAsync(request)).Should().ThrowAsync<HttpRequestException>();

        request.RequestUri.Should().BeSameAs(original);
    }

    [Theory]
    [InlineData("Ratings", "http://RATINGS/api")]
    [InlineData("RATINGS", "http://ratings/api")]
    [InlineData("ratings", "http://Ratings/api")]
    public async Task SendAsync_ServiceNameInAnyCase_IsRouted(string configured, string requested)
    {
        await using var services = Build(null, ($"Mesh:Services:{configured}:Instances:0", "http://127.0.0.1:5001"));

        using var response = await services.CreateMeshTestClient().GetAsync(new Uri(requested));

        _stub.Requests.Single().AbsoluteUri.Should().Be("http://127.0.0.1:5001/api");
    }

    [Theory]
    [InlineData("http://example.com/a?b=1")]
    [InlineData("http://127.0.0.1:8080/x")]
    [InlineData("http://[::1]:8080/x")]
    [InlineData("http://reviews/x")]
    public async Task SendAsync_HostIsNotAService_PassesThroughWithoutLookup(string requested)
    {
        await using var services = Build(null, Ratings);

        using var response = await services.CreateMeshTestClient().GetAsync(new Uri(requested));

        _stub.Requests.Single().AbsoluteUri.Should().Be(new Uri(requested).AbsoluteUri);
        services.GetRequiredService<IServiceInstanceCache>().Services.Should().BeEmpty();
    }

    [Fact]
    public async Task SendAsync_RegistryDoesNotKnowTheHost_PassesThroughUnchanged()
    {
        var provider = new FakeDiscoveryProvider();
        provider.ReturnsNotFound();
        await using var services = Build(provider);

        using var response = await services.CreateMeshTestClient().GetAsync(new Uri("http://inventory/a?b=1"));

        _stub.Requests.Single().AbsoluteUri.Should().Be("http://inventory/a?b=1");
        provider.Calls.Count.Should().Be(1);
    }

    [Theory]
    [InlineData("http://api.example.com/a?b=1")]
    [InlineData("https://api.example.com/a")]
    [InlineData("http://localhost:8080/x")]
    [InlineData("http://LocalHost/x")]
    [InlineData("http://api.example.com/a%20b#f")]
    public async Task SendAsync_RegistryDownAndOrdinaryDnsName_PassesThroughWithoutLookup(string requested)
    {
        var provider = new FakeDiscoveryProvider();
        provider.Throws("registry unavailable");
        await using var services = Build(provider);

        using var response = await services.CreateMeshTestClient().GetAsync(new Uri(requested));

        _stub.Requests.Single().AbsoluteUri.Should().Be(new Uri(requested).AbsoluteUri);
        provider.Calls.Count.Should().Be(0);
        services.GetRequiredService<IServiceInstanceCache>().Services.Should().BeEmpty();
    }

    [Fact]
    public async Task SendAsync_DottedNameConfiguredUnderServices_IsLookedUpInTheRegistry()
    {
        var provider = new FakeDiscoveryProvider();
        provider.Returns(FakeDiscoveryProvider.Instance("reviews.internal", 6001));
        await using var services = Build(provider, ("Mesh:Services:reviews.internal:LoadBalancer", "RoundRobin"));

        using var response = await services.CreateMeshTestClient().GetAsync(new Uri("http://reviews.internal/r/1"));

        _stub.Requests.Single().AbsoluteUri.Should().Be("http://127.0.0.1:6001/r/1");
        provider.Calls.Count.Should().Be(1);
    }

    [Fact]
    public async Task SendAsync_RegistryKnowsTheService_RoutesToItsInstance()
    {
        var provider = new FakeDiscoveryProvider();
        provider.Returns(FakeDiscoveryProvider.Instance("reviews", 6001));
        await using var services = Build(provider);

        using var response = await services.CreateMeshTestClient().GetAsync(new Uri("http://reviews/r/1"));

        _stub.Requests.Single().AbsoluteUri.Should().Be("http://127.0.0.1:6001/r/1");
    }

    [Fact]
    public async Task SendAsync_InstancesNotUp_AreNeverPicked()
    {
        await using var services = Build(
            null,
            ("Mesh:Services:ratings:LoadBalancer", "RoundRobin"),
            ("Mesh:Services:ratings:Instances:0:Url", "http://127.0.0.1:5001"),
            ("Mesh:Services:ratings:Instances:1:Url", "http://127.0.0.1:5002"),
            ("Mesh:Services:ratings:Instances:1:Status", "Down"),
            ("Mesh:Services:ratings:Instances:2:Url", "http://127.0.0.1:5003"),
            ("Mesh:Services:ratings:Instances:2:Status", "OutOfService"),
            ("Mesh:Services:ratings:Instances:3:Url", "http://127.0.0.1:5004"),
            ("Mesh:Services:ratings:Instances:3:Status", "Starting"),
            ("Mesh:Services:ratings:Instances:4:Url", "http://127.0.0.1:5005"),
            ("Mesh:Services:ratings:Instances:5:Url", "http://127.0.0.1:5006"),
            ("Mesh:Services:ratings:Instances:5:Status", "Unknown"));
        var client = services.CreateMeshTestClient();

        for (var i = 0; i < 40; i++)
        {
            using var response = await client.GetAsync(new Uri("http://ratings/x"));
        }

        _stub.Requests.Select(u => u.Port).Distinct().Should().BeEquivalentTo([5001, 5005]);
    }

    [Fact]
    public async Task SendAsync_InstanceGoesDown_IsNoLongerPicked()
    {
        var provider = new FakeDiscoveryProvider();
        provider.Returns(FakeDiscoveryProvider.Instance("reviews", 6001), FakeDiscoveryProvider.Instance("reviews", 6002));
        await using var services = Build(provider, ("Mesh:LoadBalancer", "RoundRobin"));
        var client = services.CreateMeshTestClient();
        using (await client.GetAsync(new Uri("http://reviews/x")))
        {
        }

        provider.Returns(FakeDiscoveryProvider.Instance("reviews", 6001, InstanceStatus.Down), FakeDiscoveryProvider.Instance("reviews", 6002));
        await services.GetRequiredService<IServiceInstanceCache>().RefreshAsync("reviews", CancellationToken.None).Bounded();
        _stub.Requests.Clear();
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync(new Uri("http://reviews/x"));
        }

        _stub.Requests.Should().OnlyContain(u => u.Port == 6002).And.HaveCount(10);
    }

    private ServiceProvider Build(FakeDiscoveryProvider? provider, params (string Key, string? Value)[] settings)
        => MeshServices.Create(_time, provider, settings).AddMeshTestClient(_stub).BuildServiceProvider();
}
