using MeshClient.Discovery;
using MeshClient.Health;
using MeshClient.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.Health;

public sealed class SlowStartRebuildTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Refresh_InstanceAddedToARunningService_WarmsUpInStepsOverTheWindow()
    {
        var provider = new FakeDiscoveryProvider();
        provider.Returns(FakeDiscoveryProvider.Instance("ratings", 6001), FakeDiscoveryProvider.Instance("ratings", 6002));
        await using var services = MeshServices.Build(_time, provider, ("Mesh:Health:SlowStart:Window", "00:01:40"));
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        await cache.RefreshAsync("ratings", CancellationToken.None).Bounded();
        provider.Returns(FakeDiscoveryProvider.Instance("ratings", 6001), FakeDiscoveryProvider.Instance("ratings", 6002), FakeDiscoveryProvider.Instance("ratings", 6003));

        await cache.RefreshAsync("ratings", CancellationToken.None).Bounded();
        var states = cache.GetInstanceStates("ratings");
        var added = states.Single(s => s.Instance.Port == 6003);

        states.Where(s => s.Instance.Port != 6003).Should().AllSatisfy(s => s.GetHealthReport().Health.Should().Be(InstanceHealthState.Healthy), "the first instances of a service do not warm up");
        added.GetHealthReport().Should().BeEquivalentTo(new { Health = InstanceHealthState.Warming, WarmFactor = 0.1 });

        _time.Advance(TimeSpan.FromSeconds(20));
        added.GetHealthReport().WarmFactor.Should().BeApproximately(0.2, 1e-9, "the health timer rebuilt the picker at the first of five steps");

        _time.Advance(TimeSpan.FromSeconds(80));
        added.GetHealthReport().Health.Should().Be(InstanceHealthState.Healthy);
        added.GetHealthReport().WarmFactor.Should().Be(1.0);
    }
}
