using MeshClient.Discovery;
using MeshClient.Health;
using MeshClient.LoadBalancing;
using MeshClient.Tests.LoadBalancing;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.Health;

public sealed class EligibilityTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Select_OneOfFourEjected_SkipsItWithoutPanic()
    {
        var states = Balancing.States(_time, "a", "b", "c", "d");
        states[1].Health.EjectedUntil = 1;

        var eligible = Eligibility.Select(states, new HealthOptions(), out var panic, out var healthy, out var up);

        eligible.Should().Equal(states[0], states[2], states[3]);
        panic.Should().BeFalse();
        (healthy, up).Should().Be((3, 4));
    }

    [Fact]
    public void Select_HealthyShareBelowThreshold_PanicsAndUsesEveryUpInstance()
    {
        var states = Balancing.States(_time, "a", "b", "c", "d");
        states[0].Health.EjectedUntil = 1;
        states[1].Health.BreakerOpenUntil = 1;
        states[2].Health.EjectedUntil = 1;

        var eligible = Eligibility.Select(states, new HealthOptions(), out var panic, out _, out _);

        panic.Should().BeTrue();
        eligible.Should().Equal(states);
    }

    [Fact]
    public void Select_PanicOffAndNoneHealthy_StillUsesEveryUpInstance()
    {
        var states = Balancing.States(_time, "a", "b");
        foreach (var state in states)
        {
            state.Health.BreakerOpenUntil = 1;
        }

        var eligible = Eligibility.Select(states, new HealthOptions { PanicThresholdPercent = 0 }, out var panic, out _, out _);

        panic.Should().BeFalse();
        eligible.Should().Equal(states);
    }

    [Fact]
    public void Select_DownInstance_NeverEligibleEvenInPanic()
    {
        var states = Balancing.States(_time, "a", "b", "c");
        states[0].Instance = states[0].Instance.WithStatus(InstanceStatus.Down);
        states[1].Health.EjectedUntil = 1;
        states[2].Health.EjectedUntil = 1;

        var eligible = Eligibility.Select(states, new HealthOptions(), out var panic, out _, out var up);

        panic.Should().BeTrue();
        up.Should().Be(2);
        eligible.Should().Equal(states[1], states[2]);
    }
}
