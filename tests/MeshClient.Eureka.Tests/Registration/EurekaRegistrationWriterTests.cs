using System.Text;
using System.Text.Json;
using MeshClient.Discovery;
using MeshClient.Eureka.Registration;
using MeshClient.Eureka.Wire;
using MeshClient.Registration;

namespace MeshClient.Eureka.Tests.Registration;

public class EurekaRegistrationWriterTests
{
    private static readonly ServiceRegistration Registration = new(
        new ServiceInstance("ratings", "127.0.0.1:ratings:5000", "http", "127.0.0.1", 5000) { Zone = "z1" }, [], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(90));

    [Fact]
    public void WriteJson_Registration_PortsAsDollarWithStringEnabledAndDataCenterClass()
    {
        var instance = EurekaRegistrationBuilder.Build(Registration, new EurekaInstanceOptions(), 1700000000000);

        using var json = JsonDocument.Parse(EurekaRegistrationWriter.WriteJson(instance, EurekaLease.From(Registration.RenewInterval, Registration.LeaseDuration)));

        var root = json.RootElement.GetProperty("instance");
        root.GetProperty("app").GetString().Should().Be("RATINGS");
        root.GetProperty("instanceId").GetString().Should().Be("127.0.0.1:ratings:5000");
        root.GetProperty("port").GetProperty("$").GetInt32().Should().Be(5000);
        root.GetProperty("port").GetProperty("@enabled").ValueKind.Should().Be(JsonValueKind.String, "XStream servers answer 500 to booleans");
        root.GetProperty("port").GetProperty("@enabled").GetString().Should().Be("true");
        root.GetProperty("securePort").GetProperty("@enabled").GetString().Should().Be("false");
        root.GetProperty("dataCenterInfo").GetProperty("@class").GetString().Should().Be("com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo");
        root.GetProperty("dataCenterInfo").GetProperty("name").GetString().Should().Be("MyOwn");
        root.GetProperty("statusPageUrl").GetString().Should().Be("http://127.0.0.1:5000/info");
        root.GetProperty("leaseInfo").GetProperty("durationInSecs").GetInt32().Should().Be(90);
        root.GetProperty("metadata").GetProperty("zone").GetString().Should().Be("z1");
        root.GetProperty("lastDirtyTimestamp").GetString().Should().Be("1700000000000");
    }

    [Fact]
    public void WriteXml_Registration_ReadsBackAsTheSameInstance()
    {
        var instance = EurekaRegistrationBuilder.Build(Registration, new EurekaInstanceOptions { SecurePort = 5001, SecurePortEnabled = true }, 42);

        var xml = EurekaRegistrationWriter.WriteXml(instance, new EurekaLease(30, 90));
        var read = EurekaPayloadReader.ReadInstance(xml, null);

        Encoding.UTF8.GetString(xml).Should().Contain("<port enabled=\"true\">5000</port>").And.Contain("<dataCenterInfo class=\"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo\">");
        read.Should().BeEquivalentTo(instance, o => o.Excluding(i => i.Metadata).Excluding(i => i.DataCenterMetadata));
        read.Metadata.Should().Equal(instance.Metadata);
    }

    [Fact]
    public void Build_HttpsRegistration_SecurePortEnabledAndPortDisabled()
    {
        var https = new ServiceRegistration(new ServiceInstance("ratings", "r1", "https", "10.1.2.3", 5443), [], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(90));

        var instance = EurekaRegistrationBuilder.Build(https, new EurekaInstanceOptions(), 1);

        (instance.SecurePort, instance.SecurePortEnabled, instance.PortEnabled, instance.IpAddr).Should().Be((5443, true, false, "10.1.2.3"));
    }
}
