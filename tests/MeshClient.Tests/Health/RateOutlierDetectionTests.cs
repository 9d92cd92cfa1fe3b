using MeshClient.Events;
using MeshClient.LoadBalancing;
using MeshClient.Tests.Fakes;

namespace MeshClient.Tests.Health;

/// <summary>Envoy's success-rate and failure-percentage detectors, swept every interval on the fake clock.</summary>
public sealed class RateOutlierDetectionTests
{
    private const string Prefix = "Mesh:Health:OutlierDetection:";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Sweep_OneOfFiveAt60PercentWithVolume_EjectedBySuccessRate()
    {
        await using var mesh = await StartAsync(5);
        var states = mesh.States;
        Feed(mesh, 100, 40);

        mesh.Time.Advance(Interval);

        // Envoy's example arithmetic: rates {60, 100, 100, 100, 100} → mean 92, stdev 16, threshold 92 − 1.9 × 16 = 61.6.
        var ejected = mesh.Events.Drain<InstanceEjectedEvent>().Should().ContainSingle().Subject;
        ejected.Should().BeEquivalentTo(new { InstanceId = states[0].Instance.InstanceId, Reason = "success_rate", TimesEjected = 1, Duration = TimeSpan.FromSeconds(30) });
        states[0].GetHealthReport().Ejected.Should().BeTrue();
        states[1..].Should().AllSatisfy(s => s.GetHealthReport().Ejected.Should().BeFalse());
    }

    [Fact]
    public async Task Sweep_BelowRequestVolume_NotEjected()
    {
        await using var mesh = await StartAsync(5);
        Feed(mesh, 100, 40, outlierRequests: 99);

        mesh.Time.Advance(Interval);

        mesh.Events.Drain<InstanceEjectedEvent>().Should().BeEmpty("an instance below the request volume is not counted, which leaves 4 of the 5 hosts needed");
    }

    [Fact]
    public async Task Sweep_FewerThanMinimumHosts_NotEjected()
    {
        await using var mesh = await StartAsync(4);
        Feed(mesh, 100, 60);

        mesh.Time.Advance(Interval);

        mesh.Events.Drain<InstanceEjectedEvent>().Should().BeEmpty();
    }

    [Fact]
    public async Task Sweep_VolumeSpreadOverTwoIntervals_EachIntervalCountsOnItsOwn()
    {
        await using var mesh = await StartAsync(5);
        for (var round = 0; round < 2; round++)
        {
            Feed(mesh, 60, 24);
            mesh.Time.Advance(Interval);
        }

        mesh.Events.Drain<InstanceEjectedEvent>().Should().BeEmpty("the sweep resets the counts, so no interval reaches 100 requests");
    }

    [Fact]
    public async Task Sweep_FailurePercentageOffByDefault_NotEjected()
    {
        await using var mesh = await StartAsync(5, null, (Prefix + "EnforcingSuccessRate", "0"));
        Feed(mesh, 100, 85);

        mesh.Time.Advance(Interval);

        mesh.Events.Drain<InstanceEjectedEvent>().Should().BeEmpty("Envoy's enforcing_failure_percentage defaults to 0");
    }

    [Theory]
    [InlineData(85, true)]
    [InlineData(84, false)]
    public async Task Sweep_FailurePercentageEnforced_EjectsAtTheThreshold(int failurePercent, bool ejected)
    {
        await using var mesh = await StartAsync(5, null, (Prefix + "EnforcingSuccessRate", "0"), (Prefix + "EnforcingFailurePercentage", "100"));
        Feed(mesh, 100, failurePercent);

        mesh.Time.Advance(Interval);

        var events = mesh.Events.Drain<InstanceEjectedEvent>();
        if (ejected)
        {
            events.Should().ContainSingle().Which.Should().BeEquivalentTo(new { InstanceId = mesh.States[0].Instance.InstanceId, Reason = "failure_percentage" });
        }
        else
        {
            events.Should().BeEmpty();
        }
    }

    [Fact]
    public async Task Sweep_MoreOutliersThanMaxEjectionPercent_EjectsOnlyUpToIt()
    {
        await using var mesh = await StartAsync(
            5, null, (Prefix + "EnforcingSuccessRate", "0"), (Prefix + "EnforcingFailurePercentage", "100"), (Prefix + "MaxEjectionPercent", "40"));
        var states = mesh.States;
        Feed(mesh, 100, 90, outliers: 3);

        mesh.Time.Advance(Interval);

        mesh.Events.Drain<InstanceEjectedEvent>().Should().HaveCount(2, "a third ejection would make 60 % of 5 instances");
        states.Count(s => s.GetHealthReport().Ejected).Should().Be(2);
    }

    [Theory]
    [InlineData(49, true)]
    [InlineData(50, false)]
    public async Task Sweep_PartialEnforcement_EjectsWhenTheRollIsBelowIt(int roll, bool ejected)
    {
        await using var mesh = await StartAsync(5, new FixedRandom(roll), (Prefix + "EnforcingSuccessRate", "50"));
        Feed(mesh, 100, 40);

        mesh.Time.Advance(Interval);

        mesh.Events.Drain<InstanceEjectedEvent>().Should().HaveCount(ejected ? 1 : 0);
    }

    [Fact]
    public async Task Sweep_OutlierAgainAfterAnIntervalBack_MultiplierWentDownByOneAsEnvoy()
    {
        await using var mesh = await StartAsync(5);
        var states = mesh.States;
        Feed(mesh, 100, 40);

        mesh.Time.Advance(Interval);
        mesh.Time.Advance(TimeSpan.FromSeconds(30));
        states[0].GetHealthReport().Ejected.Should().BeFalse("it served its 30 s");
        Feed(mesh, 100, 40);

        mesh.Time.Advance(Interval);

        // Envoy lowers the multiplier by one at each interval tick the host spent back in, before it looks for outliers.
        mesh.Events.Drain<InstanceEjectedEvent>().Select(e => e.TimesEjected).Should().Equal(1, 1);
    }

    private static Task<ServiceHealthFixture> StartAsync(int instances, MeshRandom? random = null, params (string Key, string? Value)[] settings)
        => ServiceHealthFixture.StartAsync(
            instances, random, [(Prefix + "Consecutive5xx", "0"), (Prefix + "ConsecutiveGatewayFailure", "0"), .. settings]);

    /// <summary>Feeds every instance <paramref name="requests"/> successes, except the first <paramref name="outliers"/>, which fail <paramref name="outlierFailures"/> times.</summary>
    private static void Feed(ServiceHealthFixture mesh, int requests, int outlierFailures, int outliers = 1, int? outlierRequests = null)
    {
        var states = mesh.States;
        for (var i = 0; i < states.Length; i++)
        {
            mesh.Feed(states[i], i < outliers ? outlierRequests ?? requests : requests, i < outliers ? outlierFailures : 0);
        }
    }

    private sealed class FixedRandom(int value) : MeshRandom
    {
        public override int NextIndex(int maxExclusive) => value;
    }
}
