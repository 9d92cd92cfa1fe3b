using MeshClient.Discovery;
using MeshClient.Http;
using MeshClient.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using static MeshClient.Tests.Fakes.FakeDiscoveryProvider;

namespace MeshClient.Tests.Http;

/// <summary>Why a request to a service cannot be sent: each case throws <see cref="NoInstanceAvailableException"/> with its reason.</summary>
public sealed class MeshHttpHandlerNoInstanceTests
{
    private readonly TestTimeProvider _time = new();
    private readonly StubHttpHandler _stub = new();
    private readonly FakeDiscoveryProvider _provider = new();

    [Fact]
    public async Task SendAsync_ConfiguredServiceNoProviderKnows_ThrowsUnknownService()
    {
        await using var services = Build(null, ("Mesh:Services:ratings:LoadBalancer", "RoundRobin"));

        var failure = await SendAsync(services, "http://ratings/x");

        failure.Reason.Should().Be(NoInstanceReason.UnknownService);
        failure.ServiceName.Should().Be("ratings");
    }

    [Fact]
    public async Task SendAsync_ServiceKnownWithoutInstances_ThrowsNoInstancesRegistered()
    {
        _provider.Returns();
        await using var services = Build(_provider);

        (await SendAsync(services, "http://ratings/x")).Reason.Should().Be(NoInstanceReason.NoInstancesRegistered);
    }

    [Fact]
    public async Task SendAsync_AllInstancesDown_ThrowsAllInstancesUnavailable()
    {
        await using var services = Build(
            null,
            ("Mesh:Services:ratings:Instances:0:Url", "http://127.0.0.1:5001"),
            ("Mesh:Services:ratings:Instances:0:Status", "Down"),
            ("Mesh:Services:ratings:Instances:1:Url", "http://127.0.0.1:5002"),
            ("Mesh:Services:ratings:Instances:1:Status", "OutOfService"));

        (await SendAsync(services, "http://ratings/x")).Reason.Should().Be(NoInstanceReason.AllInstancesUnavailable);
    }

    [Fact]
    public async Task SendAsync_FirstFetchFailed_ThrowsDiscoveryFailedWithTheError()
    {
        _provider.Throws("registry unavailable");
        await using var services = Build(_provider);

        var failure = await SendAsync(services, "http://ratings/x");

        failure.Reason.Should().Be(NoInstanceReason.DiscoveryFailed);
        failure.Message.Should().Contain("ratings").And.Contain("registry unavailable");
    }

    [Fact]
    public async Task SendAsync_FirstFetchNeverCompletes_ThrowsDiscoveryFailedAtInitialFetchTimeout()
    {
        _provider.Hold();
        await using var services = Build(_provider, ("Mesh:Discovery:InitialFetchTimeout", "00:00:05"), ("Mesh:Discovery:FetchTimeout", "00:01:00"));

        var send = SendAsync(services, "http://ratings/x");
        await _provider.Calls.WaitForAsync(1);
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        _time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        send.IsCompleted.Should().BeFalse();
        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await send.Bounded()).Reason.Should().Be(NoInstanceReason.DiscoveryFailed);
    }

    [Fact]
    public async Task SendAsync_LastKnownGoodWhileProviderFails_StillRoutes()
    {
        _provider.Returns(Instance("ratings", 5001));
        await using var services = Build(_provider);
        var client = services.CreateMeshTestClient();
        using (await client.GetAsync(new Uri("http://ratings/x")))
        {
        }

        _provider.Throws("registry unavailable");
        await services.GetRequiredService<IServiceInstanceCache>().RefreshAsync("ratings", CancellationToken.None).Bounded();
        using var response = await client.GetAsync(new Uri("http://ratings/y"));

        _stub.Requests.Select(u => u.AbsoluteUri).Should().Equal("http://127.0.0.1:5001/x", "http://127.0.0.1:5001/y");
    }

    private async Task<NoInstanceAvailableException> SendAsync(ServiceProvider services, string uri)
    {
        var failure = await FluentActions.Awaiting(() => services.CreateMeshTestClient().GetAsync(new Uri(uri)))
            .Should().ThrowAsync<NoInstanceAvailableException>();
        _stub.Requests.Should().BeEmpty();
        return failure.Which;
    }

    private ServiceProvider Build(FakeDiscoveryProvider? provider, params (string Key, string? Value)[] settings)
        => MeshServices.Create(_time, provider, settings).AddMeshTestClient(_stub).BuildServiceProvider();
}
