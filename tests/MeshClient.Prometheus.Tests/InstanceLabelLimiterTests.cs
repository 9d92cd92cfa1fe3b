namespace MeshClient.Prometheus.Tests;

public sealed class InstanceLabelLimiterTests
{
    [Fact]
    public void Map_MoreIdsThanTheLimit_LaterIdsBecomeOther()
    {
        var limiter = new InstanceLabelLimiter(new MeshPrometheusOptions { MaxInstanceIds = 2 });

        var mapped = new[] { "a", "b", "c", "a", "d", "b" }.Select(limiter.Map).ToArray();

        mapped.Should().Equal("a", "b", "other", "a", "other", "b");
    }

    [Fact]
    public void Map_IncludeInstanceIds_KeepsEveryId()
    {
        var limiter = new InstanceLabelLimiter(new MeshPrometheusOptions { MaxInstanceIds = 0, IncludeInstanceIds = true });

        new[] { "a", "b" }.Select(limiter.Map).Should().Equal("a", "b");
    }

    [Fact]
    public void Map_ZeroLimit_ExportsNoId()
        => new InstanceLabelLimiter(new MeshPrometheusOptions { MaxInstanceIds = 0 }).Map("a").Should().Be("other");
}
