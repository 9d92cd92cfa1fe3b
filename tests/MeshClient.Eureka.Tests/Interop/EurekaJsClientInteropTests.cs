using System.Globalization;
using System.Text.Json;
using MeshClient.Testing.Eureka;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Eureka.Tests.Interop;

/// <summary>
/// Interop with a Eureka client we did not write: eureka-js-client (npm, run by <c>node/eureka-interop.js</c>) and
/// MeshClient register with the same in-process server over 127.0.0.1, and each discovers the other. Needs node and the
/// package (<see cref="NodeTooling"/>); skips without them, fails without them under <c>MESH_REQUIRE_EXTERNAL_TOOLS=1</c>.
/// </summary>
public class EurekaJsClientInteropTests
{
    private const string Package = "eureka-js-client";
    private const string NodeApp = "node-interop";
    private const string NodeInstanceId = "node-interop-1";
    private const int NodePort = 7070;
    private const string OurInstanceId = "127.0.0.1:ratings:5000";

    /// <summary>The script's own limit: it exits by itself if the test never tells it to stop.</summary>
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task RegisterAndFetch_EurekaJsClientBesideMeshClient_EachSeesTheOther()
    {
        var node = NodeTooling.FindOrSkip(Package);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z", CultureInfo.InvariantCulture));
        await using var eureka = await EurekaTestServer.StartAsync(time);

        // Ours registers through the lifecycle (Spring base path) and has fetched the registry.
        var ourPost = eureka.WaitForRequestAsync(r => r.Method == "POST");
        await using var host = await EurekaTestHost.StartAsync(time, EurekaTestHost.WithRegistration(EurekaTestHost.Config(eureka.BaseUrl.AbsoluteUri)));
        await Wait.For(ourPost);
        await Wait.For(host.Poller.FirstFetch);

        // The node client registers under its default Netflix path with a lower-case app name, renews and fetches.
        var nodePost = eureka.WaitForRequestAsync(r => r.Method == "POST" && r.Path == "apps/" + NodeApp);
        await using var script = NodeScript.Start(node, "eureka-interop.js", eureka.Root.Port, NodeApp, NodeInstanceId, NodePort, "ratings", (int)ScriptTimeout.TotalMilliseconds);
        await script.WaitForEventAsync("registered");
        await script.WaitForEventAsync("heartbeat");

        // The node client sees ours.
        var sees = await script.WaitForEventAsync("sees");
        var theirs = sees.GetProperty("instances").EnumerateArray().Should().ContainSingle().Subject;
        theirs.GetProperty("app").GetString().Should().Be("RATINGS");
        theirs.GetProperty("instanceId").GetString().Should().Be(OurInstanceId);
        theirs.GetProperty("hostName").GetString().Should().Be("127.0.0.1");
        theirs.GetProperty("port").GetInt32().Should().Be(5000);
        theirs.GetProperty("status").GetString().Should().Be("UP");
        theirs.GetProperty("vipAddress").GetString().Should().Be("ratings");

        // Ours sees the node instance, through a delta that reconciles with the server's hashcode.
        var post = await Wait.For(nodePost);
        await Wait.For(host.Poller.FetchAsync());
        host.Poller.FullFetches.Should().Be(1, "the delta carrying the node instance matched apps__hashcode");
        var snapshot = await Wait.For(host.Cache.GetSnapshotAsync(NodeApp, CancellationToken.None).AsTask());
        var mine = snapshot!.Instances.Should().ContainSingle().Subject;
        mine.InstanceId.Should().Be(NodeInstanceId);
        mine.BaseAddress.Should().Be($"http://127.0.0.1:{NodePort}");
        mine.Status.Should().Be(MeshClient.Discovery.InstanceStatus.Up);
        mine.Zone.Should().Be("zone-a");
        mine.Metadata.Should().Contain("runtime", "node");

        // What eureka-js-client sends: Netflix base path, JSON both ways.
        post.BasePath.Should().Be("/eureka/v2/");
        post.ContentType.Should().StartWith("application/json");
        using (var body = JsonDocument.Parse(post.Body))
        {
            body.RootElement.GetProperty("instance").GetProperty("app").GetString().Should().Be(NodeApp, "the server upper-cases it, as real servers do");
        }

        eureka.GetInstance(NodeApp, NodeInstanceId)!.App.Should().Be("NODE-INTEROP");
        var fromNode = eureka.Requests.Where(static r => r.BasePath == "/eureka/v2/").ToArray();
        fromNode.Should().Contain(r => r.Method == "GET" && r.Path == "apps/").And.Contain(r => r.Method == "PUT" && r.Path == $"apps/{NodeApp}/{NodeInstanceId}");
        fromNode.Where(static r => r.Method == "GET").Should().OnlyContain(r => r.Accept == "application/json");

        // Stopping the node client cancels its lease; ours sees it go.
        (await script.StopAsync()).Should().Be(0, script.Stderr);
        eureka.Requests.Should().Contain(r => r.Method == "DELETE" && r.Path == $"apps/{NodeApp}/{NodeInstanceId}");
        eureka.GetInstance(NodeApp, NodeInstanceId).Should().BeNull();
        await Wait.For(host.Poller.FetchAsync());
        host.Poller.Registry!.Apps.Should().NotContainKey(NodeApp).And.ContainKey("RATINGS");
        host.Poller.FullFetches.Should().Be(1);
    }
}
