using System.Globalization;
using System.Text.Json;
using MeshClient.Discovery;
using MeshClient.Eureka.Tests.Interop;
using MeshClient.Testing.Consul;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Consul.Tests.Interop;

/// <summary>
/// Interop with a Consul client we did not write: the npm package <c>consul</c> (run by <c>node/consul-interop.js</c>)
/// and MeshClient register with the same in-process agent over 127.0.0.1, and each discovers the other through blocking
/// queries. Needs node and the package (<see cref="NodeTooling"/>, shared with the Eureka interop test); skips without
/// them, fails without them under <c>MESH_REQUIRE_EXTERNAL_TOOLS=1</c>.
/// </summary>
public class ConsulJsClientInteropTests
{
    private const string Package = "consul";
    private const string NodeService = "node-interop";
    private const string NodeServiceId = "node-interop-1";
    private const int NodePort = 7070;
    private const string OurId = "127.0.0.1:ratings:5000";

    /// <summary>The script's own limit: it exits by itself if the test never tells it to stop.</summary>
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task RegisterAndWatch_ConsulJsClientBesideMeshClient_EachSeesTheOther()
    {
        var node = NodeTooling.FindOrSkip(Package);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z", CultureInfo.InvariantCulture));
        await using var consul = await ConsulTestAgent.StartAsync(time);

        // Ours registers through the lifecycle (TTL check) and already watches the node service, which does not exist yet.
        var ourRegister = consul.WaitForRequestAsync(static r => r.Path == "/v1/agent/service/register");
        var config = ConsulTestHost.WithRegistration(ConsulTestHost.Config(consul.Address));
        config["Mesh:Registration:Tags:0"] = "v2";
        config["Mesh:Registration:Metadata:version"] = "2.3.1";
        await using var host = await ConsulTestHost.StartAsync(time, config);
        await Wait.For(ourRegister);
        (await host.ResolveIdsAsync(NodeService)).Should().BeEmpty();

        // The node client registers with a TTL check, passes it, reads the agent's services and watches ours.
        var nodeRegister = consul.WaitForRequestAsync(static r => r.Path == "/v1/agent/service/register" && r.Body.Contains(NodeServiceId, StringComparison.Ordinal));
        await using var script = NodeScript.Start(node, "consul-interop.js", consul.Address.Port, NodeService, NodeServiceId, NodePort, "ratings", (int)ScriptTimeout.TotalMilliseconds);
        var registered = await script.WaitForEventAsync("registered");
        registered.GetProperty("agentServices").EnumerateArray().Select(static s => s.GetProperty("id").GetString())
            .Should().BeEquivalentTo([OurId, NodeServiceId]);

        // The node client sees ours, registered through ConsulServiceRegistrar.
        var sees = await script.WaitForEventAsync("sees");
        var theirs = sees.GetProperty("instances").EnumerateArray().Should().ContainSingle().Subject;
        theirs.GetProperty("id").GetString().Should().Be(OurId);
        theirs.GetProperty("service").GetString().Should().Be("ratings");
        theirs.GetProperty("address").GetString().Should().Be("127.0.0.1");
        theirs.GetProperty("port").GetInt32().Should().Be(5000);
        theirs.GetProperty("tags").EnumerateArray().Select(static t => t.GetString()).Should().Contain("v2");
        theirs.GetProperty("meta").GetProperty("version").GetString().Should().Be("2.3.1");
        theirs.GetProperty("checks").EnumerateArray()
            .Should().Contain(c => c.GetProperty("id").GetString() == "service:" + OurId && c.GetProperty("status").GetString() == "passing");

        // Ours sees the node service through its blocking query (fake time moves the rate limiter along).
        await Wait.Advancing(time, host.WaitForIdsAsync(NodeService, NodeServiceId), TimeSpan.FromSeconds(1));
        var mine = (await host.Provider.ResolveAsync(NodeService, CancellationToken.None)).Instances.Should().ContainSingle().Subject;
        mine.BaseAddress.Should().Be($"http://127.0.0.1:{NodePort}");
        mine.Status.Should().Be(InstanceStatus.Up);
        mine.Zone.Should().Be("zone-a");
        mine.Metadata.Should().Contain("runtime", "node").And.ContainKey("interop");

        // What the npm client sends: PascalCase body with a TTL check, a pass with a note, blocking reads with wait and index.
        var register = await Wait.For(nodeRegister);
        using (var body = JsonDocument.Parse(register.Body))
        {
            var check = body.RootElement.GetProperty("Check");
            (check.GetProperty("TTL").GetString(), check.GetProperty("DeregisterCriticalServiceAfter").GetString()).Should().Be(("10m", "1m"));
        }

        var stored = consul.Services.Single(static s => s.Id == NodeServiceId).Checks.Should().ContainSingle().Subject;
        (stored.Id, stored.Type, stored.Status, stored.Output, stored.Ttl).Should().Be(("service:" + NodeServiceId, "ttl", "passing", "node is alive", TimeSpan.FromMinutes(10)));
        var reads = consul.Requests.Where(static r => r.Method == "GET" && r.Path == "/v1/health/service/ratings").ToArray();
        reads.Should().OnlyContain(static r => r.QueryValue("passing") == "true");
        reads.Should().Contain(static r => r.QueryValue("wait") == "30s" && r.QueryValue("index") != null);

        // Stopping the node client deregisters it; ours sees it go and stays registered.
        (await script.StopAsync()).Should().Be(0, script.Stderr);
        consul.Services.Select(static s => s.Id).Should().Equal(OurId);
        await Wait.Advancing(time, host.WaitForIdsAsync(NodeService), TimeSpan.FromSeconds(1));
    }
}
