using MeshClient.Events;
using MeshClient.Health;
using MeshClient.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.Health;

public sealed class RegistryReachabilityTests : IDisposable
{
    private readonly MeshEventStream _stream = new();
    private readonly MeshEventSubscription _events;
    private readonly RegistryReachability _reachability;

    public RegistryReachabilityTests()
    {
        _events = _stream.Subscribe();
        _reachability = new RegistryReachability(_stream, new FakeTimeProvider());
    }

    [Fact]
    public void Failed_Repeatedly_PublishesUnreachableOnce()
    {
        _reachability.Failed("eureka", "discovery:a", "connection refused");
        _reachability.Failed("eureka", "discovery:a", "connection refused");
        _reachability.Failed("eureka", "registration", "connection\nrefused");

        var changed = _events.Drain<RegistryReachabilityChangedEvent>().Should().ContainSingle().Subject;
        changed.Should().BeEquivalentTo(new { Provider = "eureka", Reachable = false, Reason = "connection refused", Kind = "registry.unreachable" });
        _reachability.IsReachable("eureka").Should().BeFalse();
    }

    [Fact]
    public void Succeeded_WithoutAnEarlierFailure_PublishesNothing()
    {
        _reachability.Succeeded("eureka", "discovery:a");

        _events.Drain<RegistryReachabilityChangedEvent>().Should().BeEmpty();
    }

    [Fact]
    public void Succeeded_AfterFailures_PublishesReachableOnce()
    {
        _reachability.Failed("eureka", "discovery:a", "timeout");
        _reachability.Failed("eureka", "registration", "timeout");

        _reachability.Succeeded("eureka", "registration");
        _reachability.Succeeded("eureka", "discovery:a");

        _events.Drain<RegistryReachabilityChangedEvent>().Select(e => (e.Reachable, e.Reason)).Should().Equal((false, "timeout"), (true, null));
    }

    [Fact]
    public void Report_OneSourceFailingAnotherSucceeding_DoesNotFlap()
    {
        _reachability.Succeeded("consul", "registration");
        for (var i = 0; i < 3; i++)
        {
            _reachability.Failed("consul", "discovery:a", "acl denied");
            _reachability.Succeeded("consul", "registration");
        }

        _events.Drain<RegistryReachabilityChangedEvent>().Should().BeEmpty("the registry answers one of its callers");
    }

    [Fact]
    public void Forget_TheLastSucceedingSource_LeavesTheFailingOnesDecide()
    {
        _reachability.Succeeded("consul", "discovery:a");
        _reachability.Failed("consul", "discovery:b", "timeout");

        _reachability.Forget("discovery:a");

        _events.Drain<RegistryReachabilityChangedEvent>().Should().ContainSingle().Which.Reachable.Should().BeFalse();
    }

    [Fact]
    public void Failed_StaticOrInMemory_NeverUnreachable()
    {
        _reachability.Failed("Static", "discovery:a", "boom");
        _reachability.Failed("inmemory", "registration", "boom");

        _events.Drain<RegistryReachabilityChangedEvent>().Should().BeEmpty();
        _reachability.IsReachable("Static").Should().BeTrue();
    }

    [Fact]
    public void Report_ProvidersIndependent_EachHasItsOwnTransitions()
    {
        _reachability.Failed("eureka", "discovery:a", "down");
        _reachability.Failed("consul", "discovery:a", "down");

        _events.Drain<RegistryReachabilityChangedEvent>().Select(e => e.Provider).Should().Equal("eureka", "consul");
    }

    public void Dispose() => _events.Dispose();
}
