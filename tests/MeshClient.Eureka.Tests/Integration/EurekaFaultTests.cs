using MeshClient.Testing.Eureka;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Eureka.Tests.Integration;

/// <summary>Faults: the client keeps the last good registry, logs one line with the redacted URL and the reason, retries, fails over.</summary>
public class EurekaFaultTests
{
    public static TheoryData<EurekaFaultKind> Faults => new() { EurekaFaultKind.StatusCode, EurekaFaultKind.TruncatedBody, EurekaFaultKind.InvalidBody, EurekaFaultKind.CloseConnection };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Fetch_FaultOnOnlyServer_KeepsLastGoodRegistryAndLogs(EurekaFaultKind fault)
    {
        var time = new FakeTimeProvider();
        await using var eureka = await EurekaTestServer.StartAsync(time);
        eureka.Register(EurekaTestInstance.Create("FOO", "foo-1", 8081));
        await using var host = await EurekaTestHost.StartAsync(time, EurekaTestHost.Config(eureka.BaseUrl.AbsoluteUri));
        await Wait.For(host.Poller.FirstFetch);
        var good = host.Poller.Registry;

        Arm(eureka, fault);
        await Wait.For(host.Poller.FetchAsync());

        host.Poller.Registry.Should().BeSameAs(good);
        host.Poller.LastError.Should().Contain(eureka.BaseUrl.AbsoluteUri);
        host.LogMessages.Should().ContainSingle(m => m.StartsWith("Eureka registry fetch failed", StringComparison.Ordinal))
            .Which.Should().Contain("Keeping the last good registry (1 applications, 1 instances); retrying in");

        eureka.Faults.Clear();
        eureka.Register(EurekaTestInstance.Create("FOO", "foo-2", 8082));
        var retried = eureka.WaitForRequestAsync(r => r.Method == "GET");
        await Wait.Advancing(time, retried, TimeSpan.FromSeconds(1));
        await Wait.For(host.Poller.FetchAsync());
        host.Poller.Registry!.Apps["FOO"].Should().HaveCount(2);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Fetch_FaultOnFirstServer_FailsOverToSecondAndRemembersIt(EurekaFaultKind fault)
    {
        var time = new FakeTimeProvider();
        await using var first = await EurekaTestServer.StartAsync(time);
        await using var second = await EurekaTestServer.StartAsync(time);
        first.Register(EurekaTestInstance.Create("FOO", "foo-1", 8081));
        second.Register(EurekaTestInstance.Create("FOO", "foo-1", 8081));
        second.Register(EurekaTestInstance.Create("FOO", "foo-2", 8082));
        Arm(first, fault);
        await using var host = await EurekaTestHost.StartAsync(time, EurekaTestHost.Config(first.BaseUrl.AbsoluteUri, second.BaseUrl.AbsoluteUri));

        await Wait.For(host.Poller.FirstFetch);
        await Wait.For(host.Poller.FetchAsync());

        host.Poller.Registry!.Apps["FOO"].Should().HaveCount(2);
        first.Requests.Should().ContainSingle("the working URL is remembered");
        second.Requests.Select(r => r.Path).Should().Equal("apps/", "apps/delta");
        host.LogMessages.Should().Contain(m => m.Contains($"to {first.BaseUrl.AbsoluteUri} failed", StringComparison.Ordinal) && m.Contains($"Trying {second.BaseUrl.AbsoluteUri}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fetch_ServerHangsPastTimeout_KeepsLastGoodAndFailsOver()
    {
        var time = new FakeTimeProvider();
        await using var first = await EurekaTestServer.StartAsync(time);
        await using var second = await EurekaTestServer.StartAsync(time);
        first.Register(EurekaTestInstance.Create("FOO", "foo-1", 8081));
        second.Register(EurekaTestInstance.Create("FOO", "foo-1", 8081));
        await using var host = await EurekaTestHost.StartAsync(time, EurekaTestHost.Config(first.BaseUrl.AbsoluteUri, second.BaseUrl.AbsoluteUri));
        await Wait.For(host.Poller.FirstFetch);

        first.Faults.Hang();
        second.Faults.Hang();
        var hanging = first.WaitForRequestAsync(r => r.Path == "apps/delta");
        var fetch = host.Poller.FetchAsync();
        await Wait.For(hanging);
        var secondHanging = second.WaitForRequestAsync(r => r.Path == "apps/delta");
        time.Advance(TimeSpan.FromSeconds(8));
        await Wait.For(secondHanging);
        time.Advance(TimeSpan.FromSeconds(8));
        await Wait.For(fetch);

        host.Poller.Registry!.Apps["FOO"].Should().ContainSingle();
        host.Poller.LastError.Should().Contain("no answer within 00:00:08");
        host.LogMessages.Should().Contain(m => m.Contains($"Trying {second.BaseUrl.AbsoluteUri}", StringComparison.Ordinal));
    }

    private static void Arm(EurekaTestServer server, EurekaFaultKind fault)
    {
        switch (fault)
        {
            case EurekaFaultKind.StatusCode:
                server.Faults.FailWith(500);
                break;
            case EurekaFaultKind.TruncatedBody:
                server.Faults.TruncateBody();
                break;
            case EurekaFaultKind.InvalidBody:
                server.Faults.InvalidBody();
                break;
            default:
                server.Faults.CloseConnection();
                break;
        }
    }
}
