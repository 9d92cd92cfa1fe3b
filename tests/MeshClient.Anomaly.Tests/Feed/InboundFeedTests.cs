using MeshClient.Discovery;
using MeshClient.Http;
using MeshClient.Registration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MeshClient.Anomaly.Tests.Feed;

/// <summary>The inbound series: the requests this process serves, keyed by its own identity and flagged on events.</summary>
public class InboundFeedTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(5);

    [Fact]
    public void OnInboundRequestCompleted_5xxBurst_RaisesInboundAnomalyForTheConfiguredIdentity()
    {
        using var harness = NewHarness(null, ("Mesh:Anomaly:Inbound:ServiceName", "orders"));

        Served(harness, requests: 20, failures: 0);
        Served(harness, requests: 20, failures: 0);
        Served(harness, requests: 20, failures: 15);

        var detected = harness.DrainEvents().OfType<AnomalyDetectedEvent>().Should().ContainSingle().Subject;
        detected.Inbound.Should().BeTrue();
        detected.ServiceName.Should().Be("orders");
        detected.InstanceId.Should().Be("self");
        detected.Series.Should().Be(AnomalySeriesKind.ErrorRate);
        detected.Value.Should().Be(0.75);
        harness.Feed.ActiveAnomalies.Should().ContainSingle().Which.Inbound.Should().BeTrue();
    }

    [Fact]
    public void OnInboundRequestCompleted_Registered_UsesTheRegisteredIdentityAndClearsAsInbound()
    {
        var registration = new FixedRegistration(new ServiceInstance("billing", "billing-7", "http", "127.0.0.1", 5000));
        using var harness = NewHarness(services => services.AddSingleton<IMeshRegistration>(registration));

        Served(harness, requests: 10, failures: 10);
        Served(harness, requests: 10, failures: 0);
        Served(harness, requests: 10, failures: 0);
        Served(harness, requests: 10, failures: 0);

        var events = harness.DrainEvents();
        var detected = events.OfType<AnomalyDetectedEvent>().Should().ContainSingle().Subject;
        (detected.ServiceName, detected.InstanceId, detected.Inbound).Should().Be(("billing", "billing-7", true));
        var cleared = events.OfType<AnomalyClearedEvent>().Should().ContainSingle().Subject;
        (cleared.ServiceName, cleared.InstanceId, cleared.Inbound).Should().Be(("billing", "billing-7", true));
    }

    [Fact]
    public void OnInboundRequestCompleted_NoNameConfigured_FallsBackToTheApplicationName()
    {
        using var harness = NewHarness(services => services.AddSingleton<IHostEnvironment>(new Environment { ApplicationName = "shop" }));

        Served(harness, requests: 10, failures: 10);

        var detected = harness.DrainEvents().OfType<AnomalyDetectedEvent>().Should().ContainSingle().Subject;
        (detected.ServiceName, detected.InstanceId).Should().Be(("shop", "self"));
    }

    [Fact]
    public void OnInboundRequestCompleted_Aborted_IsLeftOut()
    {
        using var harness = NewHarness(null);

        for (var i = 0; i < 10; i++)
        {
            harness.Feed.OnInboundRequestCompleted(new InboundRequestOutcome(500, Ms, Aborted: true));
        }

        harness.Time.Advance(harness.Feed.BucketInterval);

        harness.Feed.SeriesCount.Should().Be(0);
        harness.DrainEvents().OfType<AnomalyDetectedEvent>().Should().BeEmpty();
    }

    [Fact]
    public void OnInboundRequestCompleted_SameNameAsAnOutboundPeer_KeepsTheSeriesApart()
    {
        using var harness = NewHarness(null, ("Mesh:Anomaly:Inbound:ServiceName", "svc"), ("Mesh:Anomaly:Inbound:InstanceId", "i1"));

        // The outbound calls to svc/i1 all succeed while this process, also named svc/i1, fails what it serves.
        for (var i = 0; i < 10; i++)
        {
            harness.Feed.Record("svc", "i1", null, failed: false, Ms);
        }

        Served(harness, requests: 10, failures: 10);

        harness.Feed.SeriesCount.Should().Be(3, "outbound service-wide, outbound instance and inbound");
        harness.DrainEvents().OfType<AnomalyDetectedEvent>().Should().ContainSingle().Which.Inbound.Should().BeTrue();
    }

    [Fact]
    public void OnInboundRequestCompleted_SeriesExists_AllocatesNothing()
    {
        var registration = new FixedRegistration(new ServiceInstance("billing", "billing-7", "http", "127.0.0.1", 5000));
        using var harness = NewHarness(services => services.AddSingleton<IMeshRegistration>(registration));
        var outcome = new InboundRequestOutcome(503, Ms, Aborted: false);
        for (var i = 0; i < 100; i++)
        {
            harness.Feed.OnInboundRequestCompleted(outcome);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            harness.Feed.OnInboundRequestCompleted(outcome);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    [Fact]
    public void OnInboundRequestCompleted_InboundDisabled_RecordsNothing()
    {
        using var harness = NewHarness(null, ("Mesh:Anomaly:Inbound:Enabled", "false"));

        Served(harness, requests: 10, failures: 10);

        harness.Feed.SeriesCount.Should().Be(0);
    }

    [Fact]
    public void AddAnomalyDetection_CalledTwice_RegistersTheFeedOnceAsInboundObserver()
    {
        var services = new ServiceCollection();
        services.AddMeshClient().AddAnomalyDetection().AddAnomalyDetection();
        using var harness = new FeedHarness();

        services.Count(d => d.ServiceType == typeof(IInboundRequestObserver)).Should().Be(1);
        harness.Services.GetServices<IInboundRequestObserver>().Should().ContainSingle().Which.Should().BeSameAs(harness.Feed);
    }

    [Theory]
    [InlineData("Mesh:Anomaly:Inbound:InstanceId", "", "Mesh:Anomaly:Inbound:InstanceId")]
    [InlineData("Mesh:Anomaly:Inbound:ServiceName", " ", "Mesh:Anomaly:Inbound:ServiceName")]
    public void Validate_BadInboundSetting_FailsNamingTheKey(string key, string value, string named)
    {
        var act = () => new FeedHarness(null, (key, value));

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(named);
    }

    /// <summary>A harness whose error-rate series alert above 0.5 from the first bucket; the other kinds never alert.</summary>
    private static FeedHarness NewHarness(Action<IServiceCollection>? services, params (string Key, string? Value)[] settings)
    {
        var harness = new FeedHarness(services, o => { o.WarmupBuckets = 0; o.ClearAfterBuckets = 3; }, settings);
        harness.Feed.DetectorFactory = (_, kind) => kind == AnomalySeriesKind.ErrorRate ? new RangeDetector(0, 0.5) : new RecordingDetector();
        return harness;
    }

    /// <summary>Serves <paramref name="requests"/> requests, the first <paramref name="failures"/> answered 503, then closes a bucket.</summary>
    private static void Served(FeedHarness harness, int requests, int failures)
    {
        for (var i = 0; i < requests; i++)
        {
            harness.Feed.OnInboundRequestCompleted(new InboundRequestOutcome(i < failures ? 503 : 200, Ms, Aborted: false));
        }

        harness.Time.Advance(harness.Feed.BucketInterval);
    }

    private sealed class FixedRegistration(ServiceInstance instance) : IMeshRegistration
    {
        public RegistrationState State => RegistrationState.Registered;

        public ServiceRegistration? Current { get; } = new(instance, [], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(90));

        public Task SetStatusAsync(InstanceStatus status, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task DeregisterAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = string.Empty;

        public string ContentRootPath { get; set; } = string.Empty;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
