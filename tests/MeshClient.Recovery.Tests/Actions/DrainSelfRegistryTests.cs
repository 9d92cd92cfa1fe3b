using MeshClient.Testing.Consul;
using MeshClient.Testing.Eureka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MeshClient.Recovery.Tests.Actions;

/// <summary><c>drain-self</c> then <c>restore</c> against the in-process registries over loopback.</summary>
public sealed class DrainSelfRegistryTests
{
    private const string Id = SelfRegisteredHost.Id;

    [Fact]
    public async Task DrainSelfThenRestore_Eureka_OutOfServiceOverrideThenUp()
    {
        await using var eureka = await EurekaTestServer.StartAsync();
        await using var host = await SelfRegisteredHost.StartAsync(
            new() { ["Mesh:Discovery:Provider"] = "Eureka", ["Mesh:Eureka:ServiceUrls:0"] = eureka.BaseUrl.AbsoluteUri },
            static m => m.AddEureka());
        eureka.GetInstance("RATINGS", Id)!.Status.Should().Be("UP");

        var drained = await host.RunAsync("drain-self");

        drained.Succeeded.Should().BeTrue(drained.Detail);
        eureka.GetInstance("RATINGS", Id)!.Should().Match<EurekaTestInstance>(i => i.Status == "OUT_OF_SERVICE" && i.OverriddenStatus == "OUT_OF_SERVICE");
        (await host.Services.CheckAsync("recovery")).Should().Be(HealthStatus.Unhealthy);

        var restored = await host.RunAsync("restore");

        restored.Succeeded.Should().BeTrue(restored.Detail);
        eureka.GetInstance("RATINGS", Id)!.Status.Should().Be("UP");
        eureka.Requests.Should().Contain(r => r.Method == "DELETE" && r.Path == $"apps/RATINGS/{Id}/status", "the override is removed");
        (await host.Services.CheckAsync("recovery")).Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task DrainSelfThenRestore_ConsulHttpChecks_MaintenanceThenOutOfMaintenance()
    {
        await using var consul = await ConsulTestAgent.StartAsync();
        await using var host = await SelfRegisteredHost.StartAsync(
            new() { ["Mesh:Discovery:Provider"] = "Consul", ["Mesh:Consul:Address"] = consul.Address.AbsoluteUri, ["Mesh:Consul:Check:Mode"] = "Http" },
            static m => m.AddConsul());
        consul.Services.Single().Checks.Should().NotContain(c => c.Type == "maintenance");

        var drained = await host.RunAsync("drain-self");

        drained.Succeeded.Should().BeTrue(drained.Detail);
        consul.Services.Single().Checks.Should().ContainSingle(c => c.Type == "maintenance")
            .Which.Should().Match<ConsulTestCheck>(c => c.Status == "critical" && c.Notes.Contains("OutOfService"));
        (await host.Services.CheckAsync("recovery")).Should().Be(HealthStatus.Unhealthy);

        var restored = await host.RunAsync("restore");

        restored.Succeeded.Should().BeTrue(restored.Detail);
        consul.Services.Single().Checks.Should().NotContain(c => c.Type == "maintenance");
        (await host.Services.CheckAsync("recovery")).Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task DrainSelfThenRestore_ConsulTtlChecks_CriticalThenPassing()
    {
        await using var consul = await ConsulTestAgent.StartAsync();
        await using var host = await SelfRegisteredHost.StartAsync(
            new() { ["Mesh:Discovery:Provider"] = "Consul", ["Mesh:Consul:Address"] = consul.Address.AbsoluteUri, ["Mesh:Consul:Check:Mode"] = "Ttl" },
            static m => m.AddConsul());
        TtlStatus(consul).Should().Be("passing");

        (await host.RunAsync("drain-self")).Succeeded.Should().BeTrue();
        TtlStatus(consul).Should().Be("critical");

        (await host.RunAsync("restore")).Succeeded.Should().BeTrue();
        TtlStatus(consul).Should().Be("passing");
    }

    private static string TtlStatus(ConsulTestAgent consul) => consul.Services.Single().Checks.Single(c => c.Type == "ttl").Status;
}
