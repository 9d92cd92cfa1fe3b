using MeshClient.Discovery;
using MeshClient.Discovery.InMemory;
using MeshClient.Tests.Fakes;
using static MeshClient.Tests.Fakes.FakeDiscoveryProvider;

namespace MeshClient.Tests.Discovery;

/// <summary>The embedded registry: register, renew, status, deregister, lease expiry on the fake clock, change signals.</summary>
public sealed class InMemoryServiceRegistryTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);
    private readonly TestTimeProvider _time = new();
    private readonly InMemoryServiceRegistry _registry;

    public InMemoryServiceRegistryTests() => _registry = new InMemoryServiceRegistry(_time);

    public void Dispose() => _registry.Dispose();

    [Fact]
    public void Register_NewInstance_IsListedCaseInsensitively()
    {
        _registry.Register(Instance("ratings", 5001), Lease);

        _registry.GetInstances("RATINGS").Should().ContainSingle(i => i.Port == 5001);
        _registry.Services.Should().Equal("ratings");
        _registry.GetInstances("reviews").Should().BeEmpty();
    }

    [Fact]
    public void Register_SameId_ReplacesTheRegistration()
    {
        _registry.Register(Instance("ratings", 5001), Lease);

        _registry.Register(Instance("ratings", 5001, zone: "eu-1"), Lease);

        _registry.GetInstances("ratings").Should().ContainSingle().Which.Zone.Should().Be("eu-1");
    }

    [Fact]
    public void Renew_BeforeExpiry_ExtendsTheLease()
    {
        _registry.Register(Instance("ratings", 5001), Lease);
        _time.Advance(TimeSpan.FromSeconds(8));

        _registry.Renew("ratings", "127.0.0.1:5001").Should().BeTrue();
        _time.Advance(TimeSpan.FromSeconds(9));
        _registry.GetInstances("ratings").Should().ContainSingle("the lease was renewed 9 s ago");
        _time.Advance(TimeSpan.FromSeconds(1));

        _registry.GetInstances("ratings").Should().BeEmpty();
    }

    [Fact]
    public void Lease_NotRenewed_ExpiresAndIsEvicted()
    {
        _registry.Register(Instance("ratings", 5001), Lease);
        _registry.Register(Instance("ratings", 5002), Lease * 3);

        _time.Advance(Lease - TimeSpan.FromMilliseconds(1));
        _registry.GetInstances("ratings").Should().HaveCount(2);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        _registry.GetInstances("ratings").Should().ContainSingle(i => i.Port == 5002);
        _registry.Renew("ratings", "127.0.0.1:5001").Should().BeFalse();
        _time.Advance(Lease * 2);
        _registry.Services.Should().BeEmpty();
    }

    [Fact]
    public void Renew_UnknownInstance_ReturnsFalse()
    {
        _registry.Renew("ratings", "127.0.0.1:5001").Should().BeFalse();
        _registry.Register(Instance("ratings", 5001), Lease);
        _registry.Renew("ratings", "127.0.0.1:9999").Should().BeFalse();
    }

    [Fact]
    public void SetStatus_KnownInstance_ChangesStatus()
    {
        _registry.Register(Instance("ratings", 5001), Lease);

        _registry.SetStatus("ratings", "127.0.0.1:5001", InstanceStatus.OutOfService).Should().BeTrue();

        _registry.GetInstances("ratings").Single().Status.Should().Be(InstanceStatus.OutOfService);
        _registry.SetStatus("ratings", "127.0.0.1:9999", InstanceStatus.Down).Should().BeFalse();
    }

    [Fact]
    public void Deregister_KnownInstance_RemovesItAndTheEmptyService()
    {
        _registry.Register(Instance("ratings", 5001), Lease);

        _registry.Deregister("ratings", "127.0.0.1:5001").Should().BeTrue();

        _registry.GetInstances("ratings").Should().BeEmpty();
        _registry.Services.Should().BeEmpty();
        _registry.Deregister("ratings", "127.0.0.1:5001").Should().BeFalse();
    }

    [Fact]
    public void Watch_Register_Fires()
    {
        var token = _registry.Watch("ratings");
        token.HasChanged.Should().BeFalse();

        _registry.Register(Instance("ratings", 5001), Lease);

        token.HasChanged.Should().BeTrue();
    }

    [Fact]
    public void Watch_StatusAndDeregister_FireEachTime()
    {
        _registry.Register(Instance("ratings", 5001), Lease);
        var beforeStatus = _registry.Watch("ratings");
        _registry.SetStatus("ratings", "127.0.0.1:5001", InstanceStatus.Down);
        var beforeDeregister = _registry.Watch("ratings");

        _registry.Deregister("ratings", "127.0.0.1:5001");

        beforeStatus.HasChanged.Should().BeTrue();
        beforeDeregister.HasChanged.Should().BeTrue();
    }

    [Fact]
    public void Watch_LeaseExpires_FiresWhenEvicted()
    {
        _registry.Register(Instance("ratings", 5001), Lease);
        var token = _registry.Watch("ratings");
        var fired = 0;
        using var registration = token.RegisterChangeCallback(_ => Interlocked.Increment(ref fired), null);

        _time.Advance(Lease);

        fired.Should().Be(1);
    }

    [Fact]
    public void Watch_RenewOrOtherService_DoesNotFire()
    {
        _registry.Register(Instance("ratings", 5001), Lease);
        var token = _registry.Watch("ratings");

        _registry.Renew("ratings", "127.0.0.1:5001");
        _registry.Register(Instance("reviews", 6001), Lease);

        token.HasChanged.Should().BeFalse();
    }
}
