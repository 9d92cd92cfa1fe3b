using MeshClient.Consul.Discovery;
using MeshClient.Consul.Wire;
using MeshClient.Discovery;

namespace MeshClient.Consul.Tests.Wire;

/// <summary>Every recorded health payload parses into the right instances (golden per file).</summary>
public class FixtureParsingTests
{
    private static IReadOnlyList<ServiceInstance> Map(string file, string service, ConsulOptions? options = null)
        => ConsulInstanceMapper.MapAll(service, ConsulPayloadReader.ReadHealth(Fixture.Bytes(file)), options ?? new ConsulOptions());

    [Fact]
    public void ReadHealth_RedisDocsSample_OneInstanceWithPassingWeightMetaAndTags()
    {
        var instance = Map("health-service-redis-passing.json", "redis").Should().ContainSingle().Subject;

        instance.InstanceId.Should().Be("redis");
        instance.BaseAddress.Should().Be("http://10.1.10.12:8000");
        instance.Weight.Should().Be(10, "Weights.Passing applies to an instance whose checks all pass");
        instance.Status.Should().Be(InstanceStatus.Up);
        instance.Zone.Should().BeNull();
        instance.Metadata.Should().BeEquivalentTo(new Dictionary<string, string> { ["primary"] = string.Empty, ["redis_version"] = "4.0" });
    }

    [Fact]
    public void ReadHealth_Real1162TwoInstances_BothWithNullMetaAndTagsAsMetadata()
    {
        var instances = Map("health-service-real-1.16.2-two-instances-http-checks.json", "activator-default");

        instances.Select(i => (i.InstanceId, i.BaseAddress, i.Weight)).Should().Equal(
            ("svc-6b484ced-b392-44dc-aaa4-5186bf5bfb7b", "http://192.168.133.223:39677", 1),
            ("svc-a31a1c88-0633-4e1b-ab74-418e7b39c7cd", "http://192.168.133.223:20395", 1));
        instances[0].Metadata.Keys.Should().BeEquivalentTo("noc", "svc-6b484ced-b392-44dc-aaa4-5186bf5bfb7b");
        instances.Should().OnlyContain(i => i.ServiceName == "activator-default" && i.Status == InstanceStatus.Up);
    }

    [Fact]
    public void ReadHealth_RealGrpcCompact_OneInstanceWithEmptyTagsAndNullMeta()
    {
        var instance = Map("health-service-real-grpc-check-compact.json", "user-GRPC").Should().ContainSingle().Subject;

        instance.InstanceId.Should().Be("user-GRPC-8946");
        instance.BaseAddress.Should().Be("http://172.40.0.2:19001");
        instance.Metadata.Should().BeEmpty();
    }

    [Fact]
    public void ReadAgentServices_DocsSample_KeyedByServiceId()
    {
        var services = ConsulPayloadReader.ReadAgentServices(Fixture.Bytes("agent-services.json"));

        services.Should().ContainKey("redis").WhoseValue.Weights!.Passing.Should().Be(10);
        services["redis"].Address.Should().BeEmpty();
    }

    [Theory]
    [InlineData("catalog-services.json")]
    [InlineData("agent-checks.json")]
    [InlineData("health-state-passing.json")]
    public void ReadHealth_PayloadOfAnotherEndpoint_FormatExceptionNotACrash(string file)
    {
        // These shapes are not health/service arrays of {Node, Service, Checks}; the reader refuses them cleanly.
        var read = () => ConsulPayloadReader.ReadHealth(Fixture.Bytes(file));

        read.Should().Throw<ConsulFormatException>();
    }

    [Fact]
    public void Aggregate_AgentChecksReal1132_CriticalWins()
    {
        var checks = new[] { "passing", "critical", "warning" }.Select(s => new ConsulCheckEntry { Status = s }).ToList();

        ConsulInstanceMapper.Aggregate(checks).Should().Be("critical");
        ConsulInstanceMapper.Aggregate(checks.Where(c => c.Status != "critical").ToList()).Should().Be("warning");
        ConsulInstanceMapper.Aggregate([]).Should().Be("passing");
    }
}
