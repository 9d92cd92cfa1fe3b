using MeshClient.Health;
using MeshClient.LoadBalancing;
using MeshClient.Tests.LoadBalancing;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.Health;

public sealed class SlowStartTests
{
    private static readonly SlowStartOptions Options = new() { Window = TimeSpan.FromSeconds(100) };

    private readonly FakeTimeProvider _time = new();

    [Theory]
    [InlineData(0, 1.0, 0.10)]
    [InlineData(50, 1.0, 0.50)]
    [InlineData(25, 2.0, 0.50)]
    [InlineData(5, 1.0, 0.10)]
    [InlineData(100, 1.0, 1.0)]
    public void Factor_ElapsedAndAggression_FollowsEnvoysFormula(int seconds, double aggression, double expected)
    {
        var options = new SlowStartOptions { Window = TimeSpan.FromSeconds(100), Aggression = aggression, MinWeightPercent = 10 };

        SlowStart.Factor(TimeSpan.FromSeconds(seconds), options).Should().BeApproximately(expected, 1e-9);
    }

    [Fact]
    public void Apply_NoInstanceWarming_ReturnsThePickerUnwrapped()
    {
        var states = Balancing.States(_time, "a", "b");
        var picker = Balancing.Picker(Balancing.Create(LoadBalancerNames.RoundRobin), states);

        var applied = SlowStart.Apply(picker, states, Options, _time, MeshRandom.Create(1), out var warming);

        applied.Should().BeSameAs(picker);
        warming.Should().BeFalse();
    }

    [Fact]
    public void Apply_OneInstanceAtAQuarterOfItsWindow_TakesAboutAQuarterOfItsShare()
    {
        var states = Balancing.States(_time, "a", "b", "new");
        states[2].Health.WarmingSince = _time.GetTimestamp();
        _time.Advance(TimeSpan.FromSeconds(25));
        var picker = Balancing.Picker(Balancing.Create(LoadBalancerNames.Random), states);

        var applied = SlowStart.Apply(picker, states, Options, _time, MeshRandom.Create(7), out var warming);
        var counts = applied.CountPicks(30_000);

        warming.Should().BeTrue();
        states[2].Health.WarmFactor.Should().BeApproximately(0.25, 1e-9);
        var share = counts["new"] / 30_000.0;
        share.Should().BeInRange(0.05, 0.15, "a quarter of a third, give or take the re-pick approximation");
        counts["a"].Should().BeCloseTo(counts["b"], 1_500);
    }

    [Fact]
    public void Apply_WindowOver_EndsTheWarmUp()
    {
        var states = Balancing.States(_time, "a", "new");
        states[1].Health.WarmingSince = _time.GetTimestamp();
        _time.Advance(Options.Window);
        var picker = Balancing.Picker(Balancing.Create(LoadBalancerNames.RoundRobin), states);

        var applied = SlowStart.Apply(picker, states, Options, _time, MeshRandom.Create(1), out var warming);

        applied.Should().BeSameAs(picker);
        warming.Should().BeFalse();
        states[1].Health.WarmingSince.Should().Be(0);
        states[1].Health.WarmFactor.Should().Be(1.0);
    }

    [Fact]
    public void Apply_EveryInstanceWarming_ScalesNone()
    {
        var states = Balancing.States(_time, "a", "b");
        states[0].Health.WarmingSince = _time.GetTimestamp();
        states[1].Health.WarmingSince = _time.GetTimestamp();
        _time.Advance(TimeSpan.FromSeconds(10));
        var picker = Balancing.Picker(Balancing.Create(LoadBalancerNames.RoundRobin), states);

        var applied = SlowStart.Apply(picker, states, Options, _time, MeshRandom.Create(1), out var warming);

        applied.Should().BeSameAs(picker, "as Envoy, when every instance warms their shares stay equal");
        warming.Should().BeTrue();
    }
}
