using MeshClient.Consul.Discovery;
using MeshClient.Consul.Wire;
using MeshClient.Discovery;

namespace MeshClient.Consul.Tests.Discovery;

/// <summary>B4/B7/B9: status aggregation, weights by status, address fallback, nulls in tags and meta, zone.</summary>
public class ConsulInstanceMapperTests
{
    private static ConsulHealthEntry Entry(string? address = "10.0.0.5", string? nodeAddress = "10.0.0.1", int passing = 5, int warning = 2, params string[] statuses) => new()
    {
        Node = new ConsulNode { Node = "n1", Address = nodeAddress },
        Service = new ConsulAgentService { Id = "web-1", Service = "web", Address = address, Port = 8080, Weights = new ConsulWeights { Passing = passing, Warning = warning } },
        Checks = [new ConsulCheckEntry { CheckId = "serfHealth", Status = "passing" }, .. statuses.Select(s => new ConsulCheckEntry { CheckId = "service:web-1", ServiceId = "web-1", Status = s })],
    };

    [Fact]
    public void Map_WarningCheck_KeptWithWarningWeight()
    {
        var instance = ConsulInstanceMapper.Map("web", Entry(statuses: ["warning"]), new ConsulOptions { OnlyPassing = false });

        instance!.Weight.Should().Be(2);
        instance.Status.Should().Be(InstanceStatus.Up);
    }

    [Fact]
    public void Map_CriticalCheck_RemovedUnlessKept()
    {
        ConsulInstanceMapper.Map("web", Entry(statuses: ["critical"]), new ConsulOptions { OnlyPassing = false }).Should().BeNull();

        var kept = ConsulInstanceMapper.Map("web", Entry(statuses: ["critical"]), new ConsulOptions { OnlyPassing = false, KeepCriticalInstances = true });
        kept!.Status.Should().Be(InstanceStatus.Down);
    }

    [Fact]
    public void Map_WarningWithWarningWeightZero_NotRouted()
        => ConsulInstanceMapper.Map("web", Entry(warning: 0, statuses: ["warning"]), new ConsulOptions()).Should().BeNull();

    [Fact]
    public void Map_NodeMaintenanceCheckCritical_AffectsEveryServiceOnTheNode()
    {
        var entry = Entry(statuses: ["passing"]);
        entry.Checks!.Add(new ConsulCheckEntry { CheckId = "_node_maintenance", ServiceId = string.Empty, Status = "critical" });

        ConsulInstanceMapper.Map("web", entry, new ConsulOptions()).Should().BeNull();
    }

    [Fact]
    public void Map_EmptyServiceAddress_FallsBackToNodeAddress()
        => ConsulInstanceMapper.Map("web", Entry(address: "", statuses: ["passing"]), new ConsulOptions())!.Host.Should().Be("10.0.0.1");

    [Fact]
    public void Map_NoAddressAnywhere_Skipped()
        => ConsulInstanceMapper.Map("web", Entry(address: "", nodeAddress: null, statuses: ["passing"]), new ConsulOptions()).Should().BeNull();

    [Fact]
    public void Map_NullMetaNullTagAndEmptyTag_Tolerated()
    {
        var entry = Entry(statuses: ["passing"]);
        entry.Service!.Tags = ["", null, "canary"];
        entry.Service.Meta = new Dictionary<string, string?> { ["zone"] = "eu-1a", ["scheme"] = "https", ["gone"] = null };

        var instance = ConsulInstanceMapper.Map("web", entry, new ConsulOptions())!;

        instance.Metadata.Keys.Should().BeEquivalentTo("canary", "zone", "scheme");
        instance.Zone.Should().Be("eu-1a");
        instance.BaseAddress.Should().Be("https://10.0.0.5:8080");
    }

    [Fact]
    public void Map_WeightsAbsent_TreatedAsOneOne()
    {
        var entry = Entry(statuses: ["passing"]);
        entry.Service!.Weights = null;

        ConsulInstanceMapper.Map("web", entry, new ConsulOptions())!.Weight.Should().Be(1);
    }
}
