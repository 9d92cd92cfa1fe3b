using System.Text.Json;
using MeshClient.Consul.Registration;
using MeshClient.Consul.Wire;
using MeshClient.Discovery;
using MeshClient.Registration;

namespace MeshClient.Consul.Tests.Registration;

/// <summary>The register body: both weights always, explicit check ids, the 1 min floor of DeregisterCriticalServiceAfter, Go durations.</summary>
public class ConsulRegistrationBuilderTests
{
    private static ServiceRegistration Registration(InstanceStatus status = InstanceStatus.Up) => new(
        new ServiceInstance("ratings", "127.0.0.1:ratings:5000", "http", "127.0.0.1", 5000) { Weight = 3, Zone = "eu-1a", Status = status },
        ["v1"], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(90));

    private static string Json(ConsulServiceDefinition d) => JsonSerializer.Serialize(d, ConsulJsonContext.Default.ConsulServiceDefinition);

    [Fact]
    public void Build_TtlMode_TtlCheckPassingWithExplicitIdAndBothWeights()
    {
        var body = ConsulRegistrationBuilder.Build(Registration(), new ConsulOptions());

        body.Id.Should().NotBe(body.Name, "default ids are unique per replica");
        body.Weights!.Passing.Should().Be(3);
        body.Weights.Warning.Should().Be(1, "a body with only Passing would make Warning 0");
        body.Check!.CheckId.Should().Be("service:127.0.0.1:ratings:5000");
        body.Check.Ttl.Should().Be("1m30s");
        body.Check.Status.Should().Be("passing");
        body.Check.DeregisterCriticalServiceAfter.Should().Be("5m");
        body.Meta.Should().Contain("zone", "eu-1a");
        Json(body).Should().Contain("\"TTL\":\"1m30s\"").And.Contain("\"CheckID\"").And.NotContain("\"HTTP\"");
    }

    [Fact]
    public void Build_HttpModeWithShortDeregister_HttpCheckAndOneMinuteFloor()
    {
        var o = new ConsulOptions();
        o.Check.Mode = ConsulCheckMode.Http;
        o.Check.DeregisterCriticalServiceAfter = TimeSpan.FromSeconds(10);

        var check = ConsulRegistrationBuilder.Build(Registration(), o).Check!;

        check.Http.Should().Be("http://127.0.0.1:5000/health/ready");
        check.Interval.Should().Be("10s");
        check.Timeout.Should().Be("5s");
        check.Status.Should().BeNull("an HTTP check starts critical until its first poll passes");
        check.DeregisterCriticalServiceAfter.Should().Be("1m");
    }

    [Theory]
    [InlineData(InstanceStatus.Down, "critical")]
    [InlineData(InstanceStatus.OutOfService, "critical")]
    [InlineData(InstanceStatus.Starting, "critical")]
    [InlineData(InstanceStatus.Unknown, "warning")]
    public void Build_NotUp_TtlCheckStartsFailing(InstanceStatus status, string expected)
        => ConsulRegistrationBuilder.Build(Registration(status), new ConsulOptions()).Check!.Status.Should().Be(expected);

    [Theory]
    [InlineData(500, "500ms")]
    [InlineData(90_000, "1m30s")]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(1_500, "1.5s")]
    public void Format_Durations_GoStrings(int milliseconds, string expected)
        => GoDuration.Format(TimeSpan.FromMilliseconds(milliseconds)).Should().Be(expected);
}
