using MeshClient.Http;
using MeshClient.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeshClient.Anomaly.Tests.Feed;

public class AnomalyOptionsTests
{
    [Fact]
    public void AddAnomalyDetection_NoSettings_UsesDocumentedDefaults()
    {
        using var harness = new FeedHarness();

        var options = harness.Services.GetRequiredService<IOptions<AnomalyOptions>>().Value;

        options.BucketInterval.Should().Be(TimeSpan.FromSeconds(10));
        options.IdleExpiry.Should().Be(TimeSpan.FromMinutes(5));
        options.MaxSeries.Should().Be(1000);
        options.ClearAfterBuckets.Should().Be(3);
        options.Detectors.Keys.Should().BeEquivalentTo(Enum.GetNames<AnomalySeriesKind>());
        options.Detectors.Values.Should().OnlyContain(d => d.Detector == "ensemble");
        options.Detectors["ErrorRate"].Threshold.Above.Should().Be(0.05);
        options.Detectors["ErrorRate"].Peers.Enabled.Should().BeTrue();
        options.Detectors["LatencyP99"].Peers.MinExcess.Should().Be(20);
        options.Detectors["LatencyP99"].InstanceAlerting.Should().Be(AnomalyInstanceAlerting.PeerConfirmed);
        options.Detectors["Throughput"].InstanceAlerting.Should().Be(AnomalyInstanceAlerting.None);
        options.Detectors["InFlight"].InstanceAlerting.Should().Be(AnomalyInstanceAlerting.None);
    }

    [Fact]
    public void AddAnomalyDetection_OneKindSetting_BindsOntoThatKindsDefaults()
    {
        using var harness = new FeedHarness(null, ("Mesh:Anomaly:Detectors:latencyp99:Peers:Ratio", "5"), ("Mesh:Anomaly:Detectors:Throughput:InstanceAlerting", "Own"));

        var options = harness.Services.GetRequiredService<IOptions<AnomalyOptions>>().Value;

        options.Detectors.Should().HaveCount(4);
        options.Detectors["LatencyP99"].Peers.Ratio.Should().Be(5);
        options.Detectors["LatencyP99"].Peers.Enabled.Should().BeTrue("the kind's other defaults stay");
        options.Detectors["LatencyP99"].Peers.MinExcess.Should().Be(20);
        options.Detectors["Throughput"].InstanceAlerting.Should().Be(AnomalyInstanceAlerting.Own);
    }

    [Fact]
    public void AddAnomalyDetection_CalledTwice_RegistersOneObserverAndOneStatus()
    {
        var services = new ServiceCollection();
        services.AddMeshClient().AddAnomalyDetection().AddAnomalyDetection(o => o.MaxSeries = 5);

        services.Count(d => d.ServiceType == typeof(IRequestOutcomeObserver)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IMeshStatusContributor) && d.ImplementationType == typeof(AnomalyStatusContributor)).Should().Be(1);
    }

    [Theory]
    [InlineData("Mesh:Anomaly:MaxSeries", "0", "Mesh:Anomaly:MaxSeries")]
    [InlineData("Mesh:Anomaly:BucketInterval", "00:00:00.001", "Mesh:Anomaly:BucketInterval")]
    [InlineData("Mesh:Anomaly:ClearAfterBuckets", "0", "Mesh:Anomaly:ClearAfterBuckets")]
    [InlineData("Mesh:Anomaly:IdleExpiry", "00:00:05", "Mesh:Anomaly:IdleExpiry")]
    [InlineData("Mesh:Anomaly:Detectors:ErrorRate:Detector", "magic", "Mesh:Anomaly:Detectors:ErrorRate:Detector")]
    [InlineData("Mesh:Anomaly:Detectors:Latency:Detector", "rules", "Mesh:Anomaly:Detectors:Latency")]
    [InlineData("Mesh:Anomaly:Detectors:Throughput:AlertScore", "2", "Mesh:Anomaly:Detectors:Throughput:AlertScore")]
    [InlineData("Mesh:Anomaly:Detectors:InFlight:Ensemble:CooldownObservations", "-1", "Mesh:Anomaly:Detectors:InFlight:ensemble")]
    [InlineData("Mesh:Anomaly:Detectors:LatencyP99:Peers:Ratio", "0.5", "Mesh:Anomaly:Detectors:LatencyP99:Peers:Ratio")]
    [InlineData("Mesh:Anomaly:Detectors:LatencyP99:Peers:MinExcess", "0", "Mesh:Anomaly:Detectors:LatencyP99:Peers:MinExcess")]
    [InlineData("Mesh:Anomaly:Detectors:ErrorRate:Peers:MinPeers", "0", "Mesh:Anomaly:Detectors:ErrorRate:Peers:Buckets")]
    [InlineData("Mesh:Anomaly:Detectors:ErrorRate:Threshold:Buckets", "0", "Mesh:Anomaly:Detectors:ErrorRate:Threshold:Buckets")]
    public void Validate_BadSetting_FailsNamingTheKey(string key, string value, string named)
    {
        var act = () => new FeedHarness(null, (key, value));

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(named);
    }

    [Fact]
    public void Quantile_KnownLatencies_WithinTheHistogramsRelativeError()
    {
        var counts = new long[AnomalyConstants.HistogramBuckets];
        for (var ms = 1; ms <= 1000; ms++)
        {
            counts[LatencyHistogram.IndexOf(TimeSpan.FromMilliseconds(ms))]++;
        }

        LatencyHistogram.Quantile(counts, 1000, 0.99).Should().BeApproximately(990, 990 * 0.125);
        LatencyHistogram.Quantile(counts, 1000, 0.5).Should().BeApproximately(500, 500 * 0.125);
        LatencyHistogram.Quantile(counts, 0, 0.99).Should().Be(double.NaN);
        LatencyHistogram.IndexOf(TimeSpan.FromHours(1)).Should().Be(AnomalyConstants.HistogramBuckets - 1);
    }
}
