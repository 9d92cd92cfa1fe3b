using MeshClient.LoadBalancing;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.LoadBalancing;

public sealed class InstanceStateTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void GetLatencyEstimateMs_NoObservation_DefaultRtt()
    {
        var state = Balancing.State(_time, "a");

        state.GetLatencyEstimateMs(_time.GetTimestamp()).Should().Be(30);
        state.LatencyEwmaMs.Should().Be(0);

        state.DefaultRtt = TimeSpan.FromMilliseconds(7);
        state.GetLatencyEstimateMs(_time.GetTimestamp()).Should().Be(7);
    }

    [Fact]
    public void GetLatencyEstimateMs_AfterOneDecayTime_DividedByE()
    {
        var state = Balancing.State(_time, "a");
        state.Observe(50);

        _time.Advance(TimeSpan.FromSeconds(10));

        state.GetLatencyEstimateMs(_time.GetTimestamp()).Should().BeApproximately(50 / Math.E, 1e-9);
        state.LatencyEwmaMs.Should().Be(50, "the stored value decays only when read");
    }

    [Fact]
    public void OnRequestCompleted_SlowerResponse_TakesOverAtOnce()
    {
        var state = Balancing.State(_time, "a");
        state.Observe(5);

        state.Observe(50);

        state.GetLatencyEstimateMs(_time.GetTimestamp()).Should().Be(50);
    }

    [Fact]
    public void OnRequestCompleted_FasterResponse_AveragedByElapsedTime()
    {
        var state = Balancing.State(_time, "a");
        state.Observe(50);

        _time.Advance(TimeSpan.FromSeconds(10));
        state.Observe(5);

        var w = Math.Exp(-1);
        state.LatencyEwmaMs.Should().BeApproximately((50 * w) + (5 * (1 - w)), 1e-9);
    }

    [Fact]
    public void OnRequestCompleted_CountsRequestsFailuresAndInFlight()
    {
        var state = Balancing.State(_time, "a");
        state.OnRequestStarted();
        state.OnRequestStarted();
        state.InFlight.Should().Be(2);

        var now = _time.GetTimestamp();
        state.OnRequestCompleted(now, now, failed: true);
        state.OnRequestCompleted(now, now, failed: false);

        state.InFlight.Should().Be(0);
        state.Requests.Should().Be(2);
        state.Failures.Should().Be(1);
    }

}
