using MeshClient.Discovery;
using MeshClient.Eureka.Discovery;
using MeshClient.Eureka.Wire;

namespace MeshClient.Eureka.Tests.Discovery;

public class EurekaInstanceMapperTests
{
    private static readonly EurekaInstance Base = new() { App = "FOO", InstanceId = "i1", HostName = "foo.local", IpAddr = "10.0.0.1", Status = "UP", Port = 8080 };

    [Fact]
    public void Map_SecurePortEnabled_UsesHttpsOnSecurePort()
        => Map(Base with { SecurePort = 8443, SecurePortEnabled = true }).BaseAddress.Should().Be("https://foo.local:8443");

    [Fact]
    public void Map_PortDisabledAndSecureDisabled_NotOffered()
        => EurekaInstanceMapper.Map("foo", Base with { PortEnabled = false }, new EurekaOptions()).Should().BeNull("a disabled port is never used (hudl/fargo#58)");

    [Theory]
    [InlineData("UP", "OUT_OF_SERVICE", InstanceStatus.OutOfService)]
    [InlineData("UP", "DOWN", InstanceStatus.Down)]
    [InlineData("UP", "UNKNOWN", InstanceStatus.Up)]
    [InlineData("DOWN", "UP", InstanceStatus.Down)]
    [InlineData("STARTING", "UNKNOWN", InstanceStatus.Starting)]
    [InlineData("UNKNOWN", "UNKNOWN", InstanceStatus.Unknown)]
    public void Map_OverriddenStatus_OutOfServiceOrDownWins(string status, string overridden, InstanceStatus expected)
        => Map(Base with { Status = status, OverriddenStatus = overridden }).Status.Should().Be(expected);

    [Fact]
    public void Map_OnlyUpInstancesOff_EveryInstanceOffered()
        => EurekaInstanceMapper.Map("foo", Base with { Status = "DOWN" }, new EurekaOptions { OnlyUpInstances = false })!.Status.Should().Be(InstanceStatus.Up);

    [Fact]
    public void Map_ZoneInMetadata_ZoneAndMetadataPassedThrough()
    {
        var instance = Map(Base with { Metadata = new Dictionary<string, string> { ["zone"] = "zone-b", ["version"] = "2" } });

        instance.Zone.Should().Be("zone-b");
        instance.Metadata.Should().Contain("version", "2");
    }

    [Fact]
    public void Map_AmazonDataCenter_ZoneFromAvailabilityZone()
        => Map(Base with { DataCenterMetadata = new Dictionary<string, string> { ["availability-zone"] = "us-east-1c" } }).Zone.Should().Be("us-east-1c");

    [Fact]
    public void Map_PreferIpAddress_UsesIpAddr()
        => EurekaInstanceMapper.Map("foo", Base, new EurekaOptions { PreferIpAddress = true })!.Host.Should().Be("10.0.0.1");

    [Fact]
    public void Map_NoInstanceId_IdentityIsHostName()
        => Map(Base with { InstanceId = null, HostName = "qa22gs:7100" }).Should().Match<ServiceInstance>(i => i.InstanceId == "qa22gs:7100" && i.Host == "qa22gs");

    private static ServiceInstance Map(EurekaInstance instance) => EurekaInstanceMapper.Map("foo", instance, new EurekaOptions())!;
}
