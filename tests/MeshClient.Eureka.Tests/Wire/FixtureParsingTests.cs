using System.Net.Http.Headers;
using MeshClient.Discovery;
using MeshClient.Eureka.Discovery;
using MeshClient.Eureka.Wire;

namespace MeshClient.Eureka.Tests.Wire;

/// <summary>Golden tests: every recorded payload parses into the right instances.</summary>
public class FixtureParsingTests
{
    private static readonly EurekaOptions Options = new();

    [Fact]
    public void ReadApplications_SpringFullSingleApp_OneUpInstanceOnHttp8080()
    {
        var apps = Read("apps-full-single-app.json");

        apps.VersionsDelta.Should().Be(1);
        apps.AppsHashcode.Should().Be("UP_1_");
        var instance = apps.Applications.Should().ContainSingle().Subject.Instances.Should().ContainSingle().Subject;
        instance.InstanceId.Should().Be("localhost:foo");
        instance.OverriddenStatus.Should().Be("UNKNOWN");
        instance.Metadata.Should().BeEmpty("the @class marker of an empty map is skipped");
        instance.LastDirtyTimestamp.Should().Be(1457714988172, "string timestamps are read");
        var mapped = Map("foo", instance);
        mapped.BaseAddress.Should().Be("http://localhost:8080");
        mapped.Status.Should().Be(InstanceStatus.Up);
        EurekaRegistry.FromFull(apps).Hashcode.Should().Be(apps.AppsHashcode);
    }

    [Fact]
    public void ReadApplications_DeltaModified_ActionTypeAndLowercaseOverriddenStatusRead()
    {
        var apps = Read("apps-delta-modified.json");

        apps.VersionsDelta.Should().Be(3);
        var instance = apps.AllInstances.Should().ContainSingle().Subject;
        instance.ActionType.Should().Be("MODIFIED");
        instance.OverriddenStatus.Should().Be("UNKNOWN");
        Map("foo", instance).Authority.Should().Be("localhost:8080");
    }

    [Fact]
    public void ReadApplications_FargoStringPorts_TwoInstancesOnHttpsWithHostPortStripped()
    {
        var apps = Read("apps-fargo-1app-2instances-string-ports.json");

        apps.VersionsDelta.Should().Be(1, "versions__delta may be a number");
        var app = apps.Applications.Should().ContainSingle().Subject;
        app.Name.Should().Be("TESTENG.LSM");
        app.Instances.Should().HaveCount(2);
        app.Instances.Select(i => i.InstanceId).Should().AllSatisfy(id => id.Should().BeNull("1.1.x servers have no instanceId"));
        var mapped = app.Instances.Select(i => Map("testeng.lsm", i)).ToArray();
        mapped.Select(i => i.InstanceId).Should().Equal("qa16gs.qa.somecompany.com:7100", "qa22gs:7100");
        mapped.Select(i => i.BaseAddress).Should().Equal("https://qa16gs.qa.somecompany.com:7100", "https://qa22gs:7100");
        mapped[0].Metadata.Should().ContainKey("swagger-api-docs").WhoseValue.Should().Be("https://qa16gs.qa.somecompany.com:7100/api-docs");
    }

    [Fact]
    public void ReadApplications_FargoInstanceAsObject_OneInstanceWithOverriddenUp()
    {
        var apps = Read("apps-fargo-1app-instance-as-object.json");

        var instance = apps.Applications.Should().ContainSingle().Subject.Instances.Should().ContainSingle().Subject;
        instance.App.Should().Be("TESTENG.METRICSD");
        instance.OverriddenStatus.Should().Be("UP");
        instance.VipAddress.Should().Be("[]");
        var mapped = Map("testeng.metricsd", instance);
        mapped.BaseAddress.Should().Be("https://192.168.40.94:7101");
        mapped.Status.Should().Be(InstanceStatus.Up);
    }

    [Fact]
    public void ReadApplications_SpringXml_TwoAppsFourInstancesWithDottedMetadata()
    {
        var apps = EurekaPayloadReader.ReadApplications(Fixture.Bytes("apps-full-2apps-4instances.xml"), new MediaTypeHeaderValue("application/xml"));

        apps.AppsHashcode.Should().Be("UP_4_");
        apps.Applications.Select(a => a.Name).Should().Equal("CONFIG-SERVICE", "META-SERVICE");
        apps.AllInstances.Select(i => i.InstanceId).Should().Equal(
            "config-service001.test.com:config-service:8080",
            "config-service002.test.com:config-service:8080",
            "meta-service002.test.com:meta-service:8080",
            "meta-service001.test.com:meta-service:8080");
        apps.AllInstances.Should().AllSatisfy(i => i.PortEnabled.Should().BeTrue());
        apps.AllInstances.Should().AllSatisfy(i => i.SecurePortEnabled.Should().BeFalse());
        var meta = apps.Applications[1].Instances[0];
        meta.Metadata.Should().Contain("management.port", "8090").And.Contain("project", "meta-service");
        meta.SecureVipAddress.Should().Be("meta-service");
        apps.AllInstances.First().HealthCheckUrl.Should().Be("http://config-service001.test.com 8080/health", "a malformed URL is tolerated");
        Map("meta-service", meta).BaseAddress.Should().Be("http://meta-service002.test.com:8080");
        EurekaRegistry.FromFull(apps).Hashcode.Should().Be("UP_4_");
    }

    [Fact]
    public void ReadApplications_KiwiApplicationObjectWithoutName_InstanceReadWithBooleanEnabled()
    {
        var apps = Read("apps-kiwi-handwritten-application-object.json");

        apps.VersionsDelta.Should().Be(-1);
        var instance = apps.AllInstances.Should().ContainSingle().Subject;
        instance.PortEnabled.Should().BeTrue("@enabled may be a JSON boolean");
        instance.SecurePortEnabled.Should().BeFalse();
        instance.DataCenterName.Should().BeNull();
        var mapped = Map("test-service", instance);
        mapped.BaseAddress.Should().Be("http://localhost:8080");
        mapped.Metadata.Should().HaveCount(3).And.Contain("commitRef", "abcdef");
        EurekaRegistry.FromFull(apps).Apps.Should().ContainKey("TEST-SERVICE");
    }

    [Fact]
    public void ReadApplication_AppFoo_ApplicationRootRead()
    {
        var app = EurekaPayloadReader.ReadApplication(Fixture.Bytes("app-FOO.json"), new MediaTypeHeaderValue("application/json"));

        app.Name.Should().Be("FOO");
        Map("foo", app.Instances.Should().ContainSingle().Subject).BaseAddress.Should().Be("http://localhost:8080");
    }

    [Fact]
    public void ReadInstance_KiwiInstance_InstanceRootRead()
    {
        var instance = EurekaPayloadReader.ReadInstance(Fixture.Bytes("instance-kiwi-handwritten.json"), null);

        instance.InstanceId.Should().Be("TEST-SERVICE-LOCALHOST");
        Map("test-service", instance).BaseAddress.Should().Be("http://localhost:8080");
    }

    [Fact]
    public void ReadInstance_SteeltoeRegistrationBody_PortsAndFlagsRead()
    {
        var instance = EurekaPayloadReader.ReadInstance(Fixture.Bytes("register-request-body.json"), null);

        instance.App.Should().Be("FOOBAR");
        instance.Status.Should().Be("UNKNOWN", "the body has no status");
        (instance.Port, instance.PortEnabled, instance.SecurePort, instance.SecurePortEnabled).Should().Be((8080, true, 9090, false));
        instance.DataCenterClass.Should().Be("com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo");
    }

    [Fact]
    public void ReadInstance_VaXmlWithLeadingSpace_InstanceRead()
    {
        var instance = EurekaPayloadReader.ReadInstance(Fixture.Bytes("register-request-body.xml"), null);

        instance.InstanceId.Should().Be("localhost:test-app:8760");
        instance.Metadata.Should().Contain("management.context-path", "/actuator").And.HaveCount(7);
        Map("testapp", instance).BaseAddress.Should().Be("http://localhost:8760");
    }

    [Fact]
    public void ReadApplications_ErrorBody_ThrowsFormatException()
    {
        var read = () => Read("error-400-cannot-parse-request-body.json");

        read.Should().Throw<EurekaFormatException>().WithMessage("*applications*");
    }

    private static EurekaApplications Read(string name) => EurekaPayloadReader.ReadApplications(Fixture.Bytes(name), new MediaTypeHeaderValue("application/json"));

    private static ServiceInstance Map(string service, EurekaInstance instance)
        => EurekaInstanceMapper.Map(service, instance, Options) ?? throw new InvalidOperationException("not mapped");
}
