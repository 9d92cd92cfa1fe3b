using MeshClient.LoadBalancing;
using MeshClient.LoadBalancing.ZonePreference;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.LoadBalancing.ZonePreference;

public sealed class ZonePreferenceFilterTests
{
    private readonly FakeTimeProvider _time = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Apply_NoZoneConfigured_AllEligible(string? zone)
    {
        var all = Zoned(("a", "z1"), ("b", "z2"));

        ZonePreferenceFilter.Apply(zone, new ZonePreferenceOptions(), all, all).Should().BeSameAs(all);
    }

    [Fact]
    public void Apply_Disabled_AllEligible()
    {
        var all = Zoned(("a", "z1"), ("b", "z2"));

        ZonePreferenceFilter.Apply("z1", new ZonePreferenceOptions { Enabled = false }, all, all).Should().BeSameAs(all);
    }

    [Fact]
    public void Apply_NoEligible_Empty()
    {
        var all = Zoned(("a", "z1"));

        ZonePreferenceFilter.Apply("z1", new ZonePreferenceOptions(), all, []).Should().BeEmpty();
    }

    [Fact]
    public void Apply_LocalZoneHealthy_OnlyLocalInstances()
    {
        var all = Zoned(("a", "z1"), ("b", "z2"), ("c", "z1"), ("d", null));

        var chosen = ZonePreferenceFilter.Apply("z1", new ZonePreferenceOptions(), all, all);

        Ids(chosen).Should().Equal("a", "c");
    }

    [Fact]
    public void Apply_ZoneNamesDifferInCase_StillLocal()
    {
        var all = Zoned(("a", "EU-West-1a"), ("b", "eu-west-1b"));

        Ids(ZonePreferenceFilter.Apply("eu-west-1A", new ZonePreferenceOptions(), all, all)).Should().Equal("a");
    }

    [Fact]
    public void Apply_NoInstanceInLocalZone_AllEligible()
    {
        var all = Zoned(("a", "z2"), ("b", "z3"));

        ZonePreferenceFilter.Apply("z1", new ZonePreferenceOptions(), all, all).Should().BeSameAs(all);
    }

    [Fact]
    public void Apply_LocalEligibleBelowMinHealthyInstances_SpillsOverToAllEligible()
    {
        var all = Zoned(("a", "z1"), ("b", "z1"), ("c", "z2"), ("d", "z2"));
        var options = new ZonePreferenceOptions { MinHealthyInstances = 2, MinHealthyPercent = 0 };
        InstanceState[] eligible = [all[0], all[2], all[3]];

        ZonePreferenceFilter.Apply("z1", options, all, eligible).Should().BeSameAs(eligible);
        Ids(ZonePreferenceFilter.Apply("z1", options, all, all)).Should().Equal("a", "b");
    }

    [Theory]
    [InlineData(1, false)] // 1 of 4 = 25 % < 50 %
    [InlineData(2, true)] // 2 of 4 = 50 %
    [InlineData(3, true)]
    public void Apply_LocalEligibleShare_SpillsOverBelowMinHealthyPercent(int localEligible, bool staysLocal)
    {
        var all = Zoned(("a", "z1"), ("b", "z1"), ("c", "z1"), ("d", "z1"), ("e", "z2"), ("f", "z2"));
        InstanceState[] eligible = [.. all.Take(localEligible), all[4], all[5]];

        var chosen = ZonePreferenceFilter.Apply("z1", new ZonePreferenceOptions(), all, eligible);

        if (staysLocal)
        {
            chosen.Should().BeEquivalentTo(eligible.Take(localEligible));
        }
        else
        {
            chosen.Should().BeSameAs(eligible);
        }
    }

    [Fact]
    public void Apply_PercentOfThree_RoundsUp()
    {
        var all = Zoned(("a", "z1"), ("b", "z1"), ("c", "z1"), ("d", "z2"));
        InstanceState[] eligible = [all[0], all[3]];

        var chosen = ZonePreferenceFilter.Apply("z1", new ZonePreferenceOptions { MinHealthyPercent = 50 }, all, eligible);

        chosen.Should().BeSameAs(eligible, "1 of 3 is below 50 %, which needs 2");
    }

    [Fact]
    public void Apply_ZeroPercent_LocalWhileOneIsEligible()
    {
        var all = Zoned(("a", "z1"), ("b", "z1"), ("c", "z1"), ("d", "z2"));
        InstanceState[] eligible = [all[2], all[3]];

        Ids(ZonePreferenceFilter.Apply("z1", new ZonePreferenceOptions { MinHealthyPercent = 0 }, all, eligible)).Should().Equal("c");
    }

    private static string[] Ids(IEnumerable<InstanceState> states) => [.. states.Select(s => s.Instance.InstanceId)];

    private InstanceState[] Zoned(params (string Id, string? Zone)[] instances)
        => [.. instances.Select((x, i) => Balancing.State(_time, x.Id, zone: x.Zone, port: 5001 + i))];
}
