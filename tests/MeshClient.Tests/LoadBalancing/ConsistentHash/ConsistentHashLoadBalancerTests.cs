using MeshClient.Http;
using MeshClient.LoadBalancing;
using MeshClient.LoadBalancing.ConsistentHash;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.LoadBalancing.ConsistentHash;

public sealed class ConsistentHashLoadBalancerTests
{
    private const int Keys = 10_000;
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Pick_SameKey_SameInstanceEveryTime()
    {
        var picker = Picker(Ids(5));

        for (var i = 0; i < 100; i++)
        {
            var key = Key($"user-{i}");
            picker.PickIds(20, key).Distinct().Should().ContainSingle();
        }
    }

    [Fact]
    public void Pick_SameInstancesRebuiltInAnotherOrderOrSeed_SameMapping()
    {
        var ids = Ids(8);
        var first = Map(Picker(ids));

        var second = Map(Picker([.. ids.Reverse()], seed: 99));

        second.Should().Equal(first);
    }

    [Fact]
    public void Pick_ManyKeys_SpreadOverEveryInstance()
    {
        var counts = Map(Picker(Ids(5))).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

        counts.Should().HaveCount(5).And.OnlyContain(pair => Math.Abs(pair.Value - (Keys / 5)) < Keys / 5 * 0.25);
    }

    [Fact]
    public void Pick_Weighted_KeysInProportionToWeight()
    {
        var picker = Balancing.Picker(new ConsistentHashLoadBalancer(), Balancing.Weighted(_time, ("a", 1), ("b", 1), ("heavy", 2)));

        var counts = Map(picker).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

        ((double)counts["heavy"] / Keys).Should().BeApproximately(0.5, 0.06);
    }

    [Fact]
    public void Pick_KeyFromRequestOption_SameAsPickContextKey()
    {
        var picker = Picker(Ids(10));
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://svc/");

        for (var i = 0; i < 200; i++)
        {
            request.Options.Set(MeshRequestOptions.HashKey, $"user-{i}");
            picker.PickId(new PickContext(request, null, 0)).Should().Be(picker.PickId(Key($"user-{i}")));
        }
    }

    [Fact]
    public void Pick_KeyFromConfiguredHeader_SameAsPickContextKey()
    {
        var picker = Picker(Ids(10), new LoadBalancingOptions { HashHeader = "X-Session" });
        var keyed = Picker(Ids(10));

        for (var i = 0; i < 200; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "http://svc/");
            request.Headers.Add("x-session", $"session-{i}");
            picker.PickId(new PickContext(request, null, 0)).Should().Be(keyed.PickId(Key($"session-{i}")));
        }
    }

    [Fact]
    public void Pick_KeysFromSeveralSources_PickContextThenOptionThenHeader()
    {
        var picker = Picker(Ids(10), new LoadBalancingOptions { HashHeader = "X-Session" });
        var (k1, k2, k3) = ThreeKeysOnDistinctInstances(picker);
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://svc/");
        request.Headers.Add("X-Session", k3);
        request.Options.Set(MeshRequestOptions.HashKey, k2);

        picker.PickId(new PickContext(request, k1, 0)).Should().Be(picker.PickId(Key(k1)));
        picker.PickId(new PickContext(request, null, 0)).Should().Be(picker.PickId(Key(k2)));

        using var headerOnly = new HttpRequestMessage(HttpMethod.Get, "http://svc/");
        headerOnly.Headers.Add("X-Session", k3);
        picker.PickId(new PickContext(headerOnly, null, 0)).Should().Be(picker.PickId(Key(k3)));
    }

    [Fact]
    public void Pick_HeaderNotConfigured_HeaderIgnored()
    {
        var picker = Picker(Ids(10));
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://svc/");
        request.Headers.Add("X-Session", "session-1");

        picker.PickIds(1_000, new PickContext(request, null, 0)).Distinct().Should().HaveCountGreaterThan(1, "without a key requests are spread");
    }

    [Fact]
    public void Pick_NoKey_SpreadAtRandom()
    {
        var counts = Picker(Ids(5)).CountPicks(10_000);

        counts.Should().HaveCount(5).And.OnlyContain(pair => Math.Abs(pair.Value - 2_000) < 200);
    }

    [Fact]
    public void Pick_AddOneInstanceToTen_RemapsAboutOneEleventhAllToTheNewInstance()
    {
        var ids = Ids(11);
        var before = Map(Picker(ids[..10]));

        var after = Map(Picker(ids));

        var moved = Enumerable.Range(0, Keys).Where(i => before[i] != after[i]).ToArray();
        ((double)moved.Length / Keys).Should().BeInRange(0.06, 0.13, "about 1/(N+1) = 0.091 of the keys move");
        moved.Should().OnlyContain(i => after[i] == ids[10], "a key moves only to the new instance");
    }

    [Fact]
    public void Pick_RemoveOneInstance_RemapsOnlyItsKeys()
    {
        var ids = Ids(10);
        var before = Map(Picker(ids));

        var after = Map(Picker([.. ids.Where(id => id != "i3")]));

        var owned = Enumerable.Range(0, Keys).Where(i => before[i] == "i3").ToArray();
        owned.Should().NotBeEmpty();
        Enumerable.Range(0, Keys).Where(i => before[i] != after[i]).Should().Equal(owned);
        owned.Select(i => after[i]).Distinct().Should().HaveCountGreaterThan(5, "its keys spread over the remaining instances");
    }

    [Fact]
    public void Pick_FewVirtualNodes_StillConsistent()
    {
        var options = new LoadBalancingOptions { VirtualNodes = 1 };

        var first = Map(Picker(Ids(4), options));

        Map(Picker(Ids(4), options, seed: 5)).Should().Equal(first);
        first.Distinct().Should().HaveCountGreaterThan(1);
    }

    [Fact]
    public void HashRingBuild_WeightsAndVirtualNodes_OnePointPerVirtualNodePerUnitOfWeight()
    {
        var ring = HashRing.Build(Balancing.Weighted(_time, ("a", 1), ("b", 3)), virtualNodes: 10);

        ring.Count.Should().Be(40);
    }

    [Fact]
    public void HashRingBuild_HugeWeights_DoesNotOverflowAndStaysProportional()
    {
        var states = Balancing.Weighted(_time, ("a", int.MaxValue), ("b", int.MaxValue / 2));

        var ring = HashRing.Build(states, LoadBalancingConstants.DefaultVirtualNodes);

        ring.Count.Should().BeLessThanOrEqualTo(HashRing.MaxPoints);
        var shareOfA = (double)Enumerable.Range(0, Keys).Count(i => ring.Find(StableHash.Of($"key-{i}")) == states[0]) / Keys;
        shareOfA.Should().BeApproximately(2.0 / 3, 0.05);
    }

    [Fact]
    public void StableHashOf_SameKey_SameValueAcrossCalls()
    {
        StableHash.Of("user-1").Should().Be(StableHash.Of(new string("user-1".ToCharArray())));
        StableHash.Of("user-1").Should().NotBe(StableHash.Of("user-2"));
        StableHash.Of("a", 0).Should().NotBe(StableHash.Of("a", 1));
    }

    private static PickContext Key(string key) => new(null, key, 0);

    private static string[] Ids(int count) => [.. Enumerable.Range(0, count).Select(i => $"i{i}")];

    private static string[] Map(InstancePicker picker) => [.. Enumerable.Range(0, Keys).Select(i => picker.PickId(Key($"key-{i}")))];

    private static (string, string, string) ThreeKeysOnDistinctInstances(InstancePicker picker)
    {
        var keys = new List<string>();
        var owners = new HashSet<string>();
        for (var i = 0; keys.Count < 3; i++)
        {
            if (owners.Add(picker.PickId(Key($"user-{i}"))))
            {
                keys.Add($"user-{i}");
            }
        }

        return (keys[0], keys[1], keys[2]);
    }

    private InstancePicker Picker(string[] ids, LoadBalancingOptions? options = null, int seed = Balancing.Seed)
        => Balancing.Picker(new ConsistentHashLoadBalancer(), Balancing.States(_time, ids), options, seed);
}
