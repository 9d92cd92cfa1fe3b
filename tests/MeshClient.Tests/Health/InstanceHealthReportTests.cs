using MeshClient.Health;
using MeshClient.Tests.LoadBalancing;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.Health;

public sealed class InstanceHealthReportTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void GetHealthReport_NothingWrong_HealthyClosedFullShare()
    {
        var report = Balancing.State(_time, "a").GetHealthReport();

        report.Health.Should().Be(InstanceHealthState.Healthy);
        report.Ejected.Should().BeFalse();
        report.EjectedUntil.Should().BeNull();
        report.Circuit.Should().Be(CircuitState.Closed);
        report.WarmFactor.Should().Be(1.0);
    }

    [Fact]
    public void GetHealthReport_Ejected_ReportsWhenTheEjectionEnds()
    {
        var state = Balancing.State(_time, "a");
        state.Health.EjectedUntil = _time.GetTimestamp() + (30 * _time.TimestampFrequency);

        var report = state.GetHealthReport();

        report.Health.Should().Be(InstanceHealthState.Ejected);
        report.Ejected.Should().BeTrue();
        report.EjectedUntil.Should().Be(_time.GetUtcNow().AddSeconds(30));
    }

    [Fact]
    public void GetHealthReport_BreakOverButNotClosed_HalfOpen()
    {
        var state = Balancing.State(_time, "a");
        state.Health.BreakerTripped = true;

        state.GetHealthReport().Circuit.Should().Be(CircuitState.HalfOpen);
        state.Health.BreakerOpenUntil = _time.GetTimestamp() + 1;
        state.GetHealthReport().Should().BeEquivalentTo(new { Circuit = CircuitState.Open, Health = InstanceHealthState.CircuitOpen });
    }

    [Fact]
    public void GetHealthReport_FailingChecksAndPenalized_FailingChecksWins()
    {
        var state = Balancing.State(_time, "a");
        state.Health.PenalizedUntil = _time.GetTimestamp() + 1;
        state.Health.FailingChecks = true;

        state.GetHealthReport().Health.Should().Be(InstanceHealthState.FailingChecks);
        state.Health.FailingChecks = false;
        state.GetHealthReport().Health.Should().Be(InstanceHealthState.Penalized);
    }
}
