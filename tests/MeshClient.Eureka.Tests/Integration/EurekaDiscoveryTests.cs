using MeshClient.Discovery;
using MeshClient.Testing.Eureka;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Eureka.Tests.Integration;

/// <summary>Client ↔ in-process registry over loopback HTTP: full fetch, deltas, hashcode reconciliation, change signals.</summary>
public class EurekaDiscoveryTests
{
    [Fact]
    public async Task Resolve_FullThenDelta_ChangesPropagateAndWatchFires()
    {
        var time = new FakeTimeProvider();
        await using var eureka = await EurekaTestServer.StartAsync(time);
        eureka.Register(EurekaTestInstance.Create("FOO", "foo-1", 8081));
        eureka.Register(EurekaTestInstance.Create("FOO", "foo-2", 8082) with { Metadata = new Dictionary<string, string> { ["zone"] = "z2" } });
        await using var host = await EurekaTestHost.StartAsync(time, EurekaTestHost.Config(eureka.BaseUrl.AbsoluteUri));

        var snapshot = await Wait.For(host.Cache.GetSnapshotAsync("foo", CancellationToken.None).AsTask());
        snapshot!.Instances.Select(i => i.BaseAddress).Should().BeEquivalentTo("http://127.0.0.1:8081", "http://127.0.0.1:8082");
        snapshot.Instances.Single(i => i.InstanceId == "foo-2").Zone.Should().Be("z2");

        var watch = host.Poller.Watch("foo");
        eureka.Register(EurekaTestInstance.Create("FOO", "foo-3", 8083));
        eureka.SetStatusOverride("FOO", "foo-1", "OUT_OF_SERVICE");
        await Wait.For(host.Poller.FetchAsync());

        watch.HasChanged.Should().BeTrue();
        eureka.Requests.Should().Contain(r => r.Path == "apps/delta");
        host.Poller.FullFetches.Should().Be(1, "the delta reconciled: its hashcode matched");
        await Wait.For(host.Cache.RefreshAsync("foo", CancellationToken.None));
        host.Cache.TryGetSnapshot("FOO", out var updated).Should().BeTrue();
        updated!.Instances.Should().HaveCount(3);
        updated.Instances.Single(i => i.InstanceId == "foo-1").Status.Should().Be(InstanceStatus.OutOfService);
    }

    [Fact]
    public async Task Fetch_DeltaMissesChanges_HashcodeMismatchTriggersFullFetch()
    {
        var time = new FakeTimeProvider();
        await using var eureka = await EurekaTestServer.StartAsync(time);
        eureka.Register(EurekaTestInstance.Create("FOO", "foo-1", 8081));
        await using var host = await EurekaTestHost.StartAsync(time, EurekaTestHost.Config(eureka.BaseUrl.AbsoluteUri));
        await Wait.For(host.Poller.FirstFetch);

        eureka.Register(EurekaTestInstance.Create("FOO", "foo-2", 8082) with { Status = "DOWN" });
        eureka.ClearRecentlyChanged();
        await Wait.For(host.Poller.FetchAsync());

        host.Poller.FullFetches.Should().Be(2);
        host.Poller.Registry!.Hashcode.Should().Be("DOWN_1_UP_1_").And.Be(eureka.AppsHashcode);
        host.LogMessages.Should().Contain(m => m.Contains("hashcode 'UP_1_' but the server has 'DOWN_1_UP_1_'", StringComparison.Ordinal));

        await Wait.For(host.Poller.FetchAsync());
        host.Poller.FullFetches.Should().Be(2, "once reconciled, deltas match again (no full fetch every cycle)");
    }

    [Fact]
    public async Task Fetch_DeltaDisabled_FallsBackToFullFetch()
    {
        var time = new FakeTimeProvider();
        await using var eureka = await EurekaTestServer.StartAsync(time);
        eureka.Register(EurekaTestInstance.Create("FOO", "foo-1", 8081));
        await using var host = await EurekaTestHost.StartAsync(time, EurekaTestHost.Config(eureka.BaseUrl.AbsoluteUri));
        await Wait.For(host.Poller.FirstFetch);
        eureka.DeltaDisabled = true;
        eureka.Register(EurekaTestInstance.Create("FOO", "foo-2", 8082));

        await Wait.For(host.Poller.FetchAsync());

        host.Poller.FullFetches.Should().Be(2);
        host.Poller.Registry!.Apps["FOO"].Should().HaveCount(2);
    }

    [Fact]
    public async Task Fetch_FetchIntervalElapses_TimerFetchesDelta()
    {
        var time = new FakeTimeProvider();
        await using var eureka = await EurekaTestServer.StartAsync(time);
        eureka.Register(EurekaTestInstance.Create("FOO", "foo-1", 8081));
        await using var host = await EurekaTestHost.StartAsync(time, EurekaTestHost.Config(eureka.BaseUrl.AbsoluteUri));
        await Wait.For(host.Poller.FirstFetch);

        var delta = eureka.WaitForRequestAsync(r => r.Path == "apps/delta");
        await Wait.Advancing(time, delta, TimeSpan.FromSeconds(30));

        eureka.Requests.Count(r => r.Path == "apps/delta").Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task LeaseExpiry_InstanceStopsRenewing_EvictedAndDroppedByClient()
    {
        var time = new FakeTimeProvider();
        await using var eureka = await EurekaTestServer.StartAsync(time);
        eureka.Register(EurekaTestInstance.Create("FOO", "foo-1", 8081));
        await using var host = await EurekaTestHost.StartAsync(time, EurekaTestHost.Config(eureka.BaseUrl.AbsoluteUri));
        await Wait.For(host.Poller.FirstFetch);

        time.Advance(TimeSpan.FromSeconds(89));
        eureka.EvictExpired().Should().Be(0);
        time.Advance(TimeSpan.FromSeconds(31));
        eureka.Instances.Should().BeEmpty("a lease never renewed expires after its 90 s duration; the 60 s eviction timer removed it at 120 s");
        await Wait.For(host.Poller.FetchAsync()); // may join a fetch the advanced clock started before the eviction
        await Wait.For(host.Poller.FetchAsync());

        host.Poller.Registry!.Apps.Should().NotContainKey("FOO");
    }

    [Fact]
    public async Task LeaseExpiry_SelfPreservation_ExpiredLeasesStay()
    {
        var time = new FakeTimeProvider();
        await using var eureka = await EurekaTestServer.StartAsync(time);
        eureka.SelfPreservation = true;
        eureka.Register(EurekaTestInstance.Create("FOO", "foo-1", 8081));

        time.Advance(TimeSpan.FromMinutes(10));

        eureka.EvictExpired().Should().Be(0);
        eureka.Instances.Should().ContainSingle();
    }

    [Theory]
    [InlineData("Xml", false, false)]
    [InlineData("Json", true, false)]
    [InlineData("Json", false, true)]
    public async Task Resolve_XmlOrGzipAlwaysOrSingleObjects_Parsed(string format, bool alwaysGzip, bool singleAsObject)
    {
        var time = new FakeTimeProvider();
        await using var eureka = await EurekaTestServer.StartAsync(time);
        eureka.AlwaysGzip = alwaysGzip;
        eureka.SingleElementAsObject = singleAsObject;
        eureka.Register(EurekaTestInstance.Create("FOO", "foo-1", 8081) with { SecurePort = 8443, SecurePortEnabled = true });
        var config = EurekaTestHost.Config(eureka.NetflixBaseUrl.AbsoluteUri);
        config["Mesh:Eureka:Format"] = format;
        await using var host = await EurekaTestHost.StartAsync(time, config);

        var snapshot = await Wait.For(host.Cache.GetSnapshotAsync("foo", CancellationToken.None).AsTask());

        snapshot!.Instances.Should().ContainSingle().Which.BaseAddress.Should().Be("https://127.0.0.1:8443");
        eureka.Requests.Should().OnlyContain(r => r.BasePath == "/eureka/v2/");
    }

    [Fact]
    public async Task Start_RegistryUnreachable_HostStartsReadinessUnhealthyAndRecovers()
    {
        var time = new FakeTimeProvider();
        await using var eureka = await EurekaTestServer.StartAsync(time);
        eureka.NotReady = true;
        eureka.Register(EurekaTestInstance.Create("FOO", "foo-1", 8081));
        var withPassword = new UriBuilder(eureka.BaseUrl) { UserName = "admin", Password = "s3cret" }.Uri.AbsoluteUri;
        await using var host = await EurekaTestHost.StartAsync(time, EurekaTestHost.Config(withPassword));
        await Wait.For(host.Poller.FirstFetch);

        var report = await host.CheckHealthAsync();
        report.Entries["eureka"].Status.Should().Be(HealthStatus.Unhealthy);
        report.Entries["eureka"].Description.Should().Contain("***@127.0.0.1").And.NotContain("s3cret");
        host.LogMessages.Should().Contain(m => m.Contains("HTTP 403", StringComparison.Ordinal)).And.NotContain(m => m.Contains("s3cret", StringComparison.Ordinal));

        eureka.NotReady = false;
        var retried = eureka.WaitForRequestAsync(r => r.Path == "apps/");
        await Wait.Advancing(time, retried, TimeSpan.FromSeconds(1));
        await Wait.For(host.Poller.FetchAsync());

        (await host.CheckHealthAsync()).Entries["eureka"].Status.Should().Be(HealthStatus.Healthy);
        eureka.Requests.Should().OnlyContain(r => r.Authorization == "Basic YWRtaW46czNjcmV0");
    }
}
