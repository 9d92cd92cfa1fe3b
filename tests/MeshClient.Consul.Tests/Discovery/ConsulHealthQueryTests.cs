using MeshClient.Consul.Discovery;

namespace MeshClient.Consul.Tests.Discovery;

/// <summary>The health query: <c>?passing</c> only when asked, tag, dc, consistency, and a blocking timeout beyond wait + wait/16.</summary>
public class ConsulHealthQueryTests
{
    [Fact]
    public void Path_FirstCall_NoIndexNoWait()
        => ConsulHealthQuery.Path("web app", new ConsulOptions(), 0).Should().Be("v1/health/service/web%20app?passing");

    [Fact]
    public void Path_BlockingWithEveryOption_AllParameters()
    {
        var o = new ConsulOptions { OnlyPassing = false, Tag = "v2", Datacenter = "dc2", Consistency = ConsulConsistency.Stale, WaitTime = TimeSpan.FromMinutes(10) };

        ConsulHealthQuery.Path("web", o, 42).Should().Be("v1/health/service/web?tag=v2&dc=dc2&stale&index=42&wait=10m");
    }

    [Fact]
    public void Timeout_Blocking_ExceedsWaitPlusJitter()
    {
        var o = new ConsulOptions { WaitTime = TimeSpan.FromMinutes(5) };

        ConsulHealthQuery.Timeout(o, 7).Should().BeGreaterThan(o.WaitTime + (o.WaitTime / 16));
        ConsulHealthQuery.Timeout(o, 0).Should().Be(o.RequestTimeout);
    }
}
