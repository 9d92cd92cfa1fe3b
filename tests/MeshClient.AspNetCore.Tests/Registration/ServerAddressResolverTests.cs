using System.Net;
using MeshClient.AspNetCore.Registration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MeshClient.AspNetCore.Tests.Registration;

public sealed class ServerAddressResolverTests
{
    private static readonly IPAddress MachineIp = IPAddress.Parse("10.1.2.3");

    [Fact]
    public void Choose_OnlyLoopbackBound_Returns127001AndTheBoundPort()
    {
        var chosen = ServerAddressResolver.Choose(["http://127.0.0.1:5123"], null, () => MachineIp);

        chosen.Should().Be(new Uri("http://127.0.0.1:5123"));
    }

    [Fact]
    public void Choose_LocalhostBound_Returns127001()
    {
        var chosen = ServerAddressResolver.Choose(["http://localhost:5000"], null, () => MachineIp);

        chosen.Should().Be(new Uri("http://127.0.0.1:5000"));
    }

    [Fact]
    public void Choose_IPv6AndIPv4LoopbackBound_PrefersIPv4()
    {
        var chosen = ServerAddressResolver.Choose(["http://[::1]:5000", "http://127.0.0.1:5000"], null, () => MachineIp);

        chosen.Should().Be(new Uri("http://127.0.0.1:5000"));
    }

    [Fact]
    public void Choose_LoopbackAndRoutableBound_ReturnsFirstNonLoopback()
    {
        var chosen = ServerAddressResolver.Choose(
            ["http://127.0.0.1:5000", "https://192.168.1.20:5001", "http://192.168.1.20:5002"], null, () => MachineIp);

        chosen.Should().Be(new Uri("https://192.168.1.20:5001"));
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://[::]:8080")]
    [InlineData("http://+:8080")]
    [InlineData("http://*:8080")]
    public void Choose_WildcardBound_MapsToTheMachineAddress(string bound)
    {
        var chosen = ServerAddressResolver.Choose([bound], null, () => MachineIp);

        chosen.Should().Be(new Uri("http://10.1.2.3:8080"));
    }

    [Fact]
    public void Choose_WildcardBoundOnMachineWithoutNonLoopbackIPv4_Returns127001()
    {
        var chosen = ServerAddressResolver.Choose(["http://0.0.0.0:8080"], null, () => null);

        chosen.Should().Be(new Uri("http://127.0.0.1:8080"));
    }

    [Fact]
    public void Choose_ConfiguredScheme_PrefersAnAddressOfThatScheme()
    {
        var chosen = ServerAddressResolver.Choose(["http://0.0.0.0:8080", "https://0.0.0.0:8443"], "https", () => MachineIp);

        chosen.Should().Be(new Uri("https://10.1.2.3:8443"));
    }

    [Fact]
    public void Choose_UnusableAddresses_AreSkipped()
    {
        var chosen = ServerAddressResolver.Choose(["http://unix:/tmp/kestrel.sock", "http://127.0.0.1:0", "not a url"], null, () => MachineIp);

        chosen.Should().BeNull();
    }

    [Fact]
    public void FirstNonLoopbackIPv4_OnThisMachine_IsNullOrARoutableIPv4()
    {
        var address = MachineAddress.FirstNonLoopbackIPv4();

        if (address is not null)
        {
            address.AddressFamily.Should().Be(System.Net.Sockets.AddressFamily.InterNetwork);
            IPAddress.IsLoopback(address).Should().BeFalse();
        }
    }

    [Fact]
    public async Task ResolveAsync_ServerWithoutAddresses_ReturnsNull()
    {
        var resolver = new ServerAddressResolver(new FakeServer(), Options.Create(new MeshOptions()), () => MachineIp, NullLogger.Instance);

        var address = await resolver.ResolveAsync(CancellationToken.None);

        address.Should().BeNull();
    }

    [Fact]
    public async Task ResolveAsync_ServerAddressesFeature_UsesTheBoundAddresses()
    {
        var server = new FakeServer("http://127.0.0.1:7001", "http://[::]:7002");
        var resolver = new ServerAddressResolver(server, Options.Create(new MeshOptions()), () => MachineIp, NullLogger.Instance);

        var address = await resolver.ResolveAsync(CancellationToken.None);

        address.Should().Be(new Uri("http://10.1.2.3:7002"));
    }

    private sealed class FakeServer : IServer
    {
        public FakeServer(params string[] addresses)
        {
            if (addresses.Length > 0)
            {
                var feature = new ServerAddressesFeature();
                foreach (var address in addresses)
                {
                    feature.Addresses.Add(address);
                }

                Features.Set<IServerAddressesFeature>(feature);
            }
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
