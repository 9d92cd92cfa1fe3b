using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using MeshClient.Discovery;
using MeshClient.Discovery.InMemory;
using MeshClient.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.AspNetCore.Tests.Endpoints;

public sealed class MeshStatusEndpointsTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static Dictionary<string, string?> ReviewsConfig() => new()
    {
        ["Mesh:Services:reviews:Instances:0:Url"] = "http://127.0.0.1:5101",
        ["Mesh:Services:reviews:Instances:0:InstanceId"] = "reviews-1",
        ["Mesh:Services:reviews:Instances:0:Zone"] = "eu-west-1a",
        ["Mesh:Services:reviews:Instances:0:Weight"] = "3",
        ["Mesh:Services:reviews:Instances:0:Metadata:version"] = "v2",
        ["Mesh:Services:reviews:Instances:0:Metadata:track"] = "stable",
        ["Mesh:Services:reviews:Instances:1:Url"] = "http://127.0.0.1:5102",
        ["Mesh:Services:reviews:Instances:1:Status"] = "Down",
    };

    [Fact]
    public async Task GetService_StaticConfigWithTwoInstances_MatchesGoldenJson()
    {
        var time = new FakeTimeProvider(Start);
        await using var app = await MeshTestApp.StartAsync(ReviewsConfig(), s => s.AddSingleton<TimeProvider>(time));

        using var response = await app.GetTestClient().GetAsync(new Uri("/mesh/services/reviews", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var body = await response.Content.ReadAsStringAsync();
        body.ReplaceLineEndings("\n").Should().Be("""
            {
              "service": "reviews",
              "version": 1,
              "updatedAt": "2025-01-02T03:04:05Z",
              "source": "Static",
              "instances": [
                {
                  "instanceId": "reviews-1",
                  "scheme": "http",
                  "host": "127.0.0.1",
                  "port": 5101,
                  "status": "Up",
                  "zone": "eu-west-1a",
                  "weight": 3,
                  "metadata": {
                    "track": "stable",
                    "version": "v2"
                  },
                  "inFlight": 0,
                  "requests": 0,
                  "failures": 0,
                  "latencyEwmaMs": 0,
                  "ewmaLatencyMs": 0,
                  "health": "healthy",
                  "ejected": false,
                  "circuit": "closed"
                },
                {
                  "instanceId": "127.0.0.1:5102",
                  "scheme": "http",
                  "host": "127.0.0.1",
                  "port": 5102,
                  "status": "Down",
                  "weight": 1,
                  "metadata": {},
                  "inFlight": 0,
                  "requests": 0,
                  "failures": 0,
                  "latencyEwmaMs": 0,
                  "ewmaLatencyMs": 0,
                  "health": "down",
                  "ejected": false,
                  "circuit": "closed"
                }
              ]
            }
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task GetService_FirstCallForConfiguredService_WaitsForFirstFetch()
    {
        await using var app = await MeshTestApp.StartAsync(ReviewsConfig());
        app.Services.GetRequiredService<IServiceInstanceCache>().Services.Should().BeEmpty("nothing asked for reviews yet");

        var document = await GetJsonAsync(app, "/mesh/services/REVIEWS");

        document.GetProperty("instances").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task GetService_UnknownService_Returns404WithOneLineJsonReason()
    {
        await using var app = await MeshTestApp.StartAsync(ReviewsConfig());

        using var response = await app.GetTestClient().GetAsync(new Uri("/mesh/services/nope", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Contain("'nope'", "the reason is readable as sent, not \\u0027-escaped");
        using var document = JsonDocument.Parse(body);
        document.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("error");
        var error = document.RootElement.GetProperty("error").GetString();
        error.Should().Contain("'nope'").And.NotContain("\n");
        app.Services.GetRequiredService<IServiceInstanceCache>().Services.Should().BeEmpty("an unknown name must not be tracked");
    }

    [Fact]
    public async Task GetService_ConfiguredServiceWithoutInstances_ReturnsEmptyInstances()
    {
        var config = ReviewsConfig();
        config["Mesh:Services:details:LoadBalancer"] = "RoundRobin";
        await using var app = await MeshTestApp.StartAsync(config);

        var document = await GetJsonAsync(app, "/mesh/services/details");

        document.GetProperty("service").GetString().Should().Be("details");
        document.GetProperty("instances").GetArrayLength().Should().Be(0);
        document.TryGetProperty("version", out _).Should().BeFalse();
    }

    [Fact]
    public async Task GetService_AfterRequestThroughMeshHandler_ShowsLiveCounters()
    {
        // Bound but not listening, and held for the whole test: connections are refused, and no other test can take the port.
        using var closed = BindWithoutListening();
        var closedPort = ((IPEndPoint)closed.LocalEndPoint!).Port;
        var config = new Dictionary<string, string?>
        {
            ["Mesh:Services:ratings:Instances:0"] = $"http://127.0.0.1:{closedPort}",

            // One attempt: whether the retry budget's per-second floor has accrued a retry yet depends on how fast the test runs.
            ["Mesh:Resilience:Retry:MaxRetries"] = "0",
        };
        await using var app = await MeshTestApp.StartAsync(config, s => s.AddHttpClient("ratings").AddMeshHandler());
        using var client = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient("ratings");

        var send = () => client.GetAsync(new Uri("http://ratings/ratings/1"));
        await send.Should().ThrowAsync<HttpRequestException>();

        var instance = (await GetJsonAsync(app, "/mesh/services/ratings")).GetProperty("instances")[0];
        instance.GetProperty("requests").GetInt64().Should().Be(1);
        instance.GetProperty("failures").GetInt64().Should().Be(1);
        instance.GetProperty("inFlight").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task GetService_EveryStatus_IsWrittenByItsCSharpName()
    {
        var config = new Dictionary<string, string?>();
        var statuses = Enum.GetValues<InstanceStatus>();
        for (var i = 0; i < statuses.Length; i++)
        {
            config[$"Mesh:Services:details:Instances:{i}:Url"] = $"http://127.0.0.1:{6000 + i}";
            config[$"Mesh:Services:details:Instances:{i}:Status"] = statuses[i].ToString();
        }

        await using var app = await MeshTestApp.StartAsync(config);

        var instances = (await GetJsonAsync(app, "/mesh/services/details")).GetProperty("instances");

        instances.EnumerateArray().Select(i => i.GetProperty("status").GetString())
            .Should().Equal("Up", "Down", "Starting", "OutOfService", "Unknown");
    }

    [Fact]
    public async Task GetService_SecretMetadata_IsRedacted()
    {
        var config = new Dictionary<string, string?>
        {
            ["Mesh:Services:admin:Instances:0:Url"] = "http://127.0.0.1:6100",
            ["Mesh:Services:admin:Instances:0:Metadata:user.password"] = "hunter2",
            ["Mesh:Services:admin:Instances:0:Metadata:ApiKey"] = "abc",
            ["Mesh:Services:admin:Instances:0:Metadata:callback"] = "http://bob:hunter3@127.0.0.1:6200/hook",
            ["Mesh:Services:admin:Instances:0:Metadata:version"] = "v1",
        };
        await using var app = await MeshTestApp.StartAsync(config);

        using var response = await app.GetTestClient().GetAsync(new Uri("/mesh/services/admin", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        body.Should().NotContain("hunter2").And.NotContain("hunter3").And.NotContain("abc").And.NotContain("bob");
        using var document = JsonDocument.Parse(body);
        var metadata = document.RootElement.GetProperty("instances")[0].GetProperty("metadata");
        metadata.GetProperty("user.password").GetString().Should().Be("***");
        metadata.GetProperty("version").GetString().Should().Be("v1");
    }

    [Fact]
    public async Task GetServices_StaticConfig_ListsConfiguredAndTrackedServicesWithInstances()
    {
        var config = ReviewsConfig();
        config["Mesh:Services:ratings:Instances:0"] = "http://127.0.0.1:5201";
        config["Mesh:Services:details:LoadBalancer"] = "RoundRobin";
        await using var app = await MeshTestApp.StartAsync(config);

        var services = (await GetJsonAsync(app, "/mesh/services")).GetProperty("services");

        services.EnumerateArray().Select(s => s.GetProperty("service").GetString()).Should().Equal("details", "ratings", "reviews");
        services.EnumerateArray().Select(s => s.GetProperty("instances").GetArrayLength()).Should().Equal(0, 1, 2);
        services[2].GetProperty("instances")[1].GetProperty("status").GetString().Should().Be("Down");
    }

    [Fact]
    public async Task GetServices_RegistryProvider_ListsServicesTrackedByTheCache()
    {
        var config = ReviewsConfig();
        config["Mesh:Discovery:Provider"] = "InMemory";
        await using var app = await MeshTestApp.StartAsync(config);
        app.Services.GetRequiredService<InMemoryServiceRegistry>().Register(new ServiceInstance("details", "details-1", "http", "127.0.0.1", 9080));
        await app.Services.GetRequiredService<IServiceInstanceCache>().GetSnapshotAsync("details", CancellationToken.None);

        var services = (await GetJsonAsync(app, "/mesh/services")).GetProperty("services");

        services.EnumerateArray().Select(s => s.GetProperty("service").GetString()).Should().Equal("details", "reviews");
        var details = services[0];
        details.GetProperty("source").GetString().Should().Be("InMemory");
        details.GetProperty("instances")[0].GetProperty("instanceId").GetString().Should().Be("details-1");
    }

    [Fact]
    public async Task GetService_RegistryProviderAndUntrackedService_AsksTheRegistry()
    {
        await using var app = await MeshTestApp.StartAsync(new Dictionary<string, string?> { ["Mesh:Discovery:Provider"] = "InMemory" });
        app.Services.GetRequiredService<InMemoryServiceRegistry>().Register(new ServiceInstance("details", "details-1", "http", "127.0.0.1", 9080));

        var document = await GetJsonAsync(app, "/mesh/services/details");

        document.GetProperty("instances")[0].GetProperty("port").GetInt32().Should().Be(9080);
    }

    [Fact]
    public async Task GetContributor_RegisteredContributor_ServesItsDocumentAsCamelCaseJson()
    {
        await using var app = await MeshTestApp.StartAsync(ReviewsConfig(), mesh: m => m.AddMeshStatusContributor<RecoveryContributor>());

        var document = await GetJsonAsync(app, "/mesh/recovery");

        document.GetProperty("activePolicy").GetString().Should().Be("migrate");
        document.GetProperty("lastStatus").GetString().Should().Be("OutOfService");
        document.GetProperty("since").GetString().Should().Be("2025-01-02T03:04:05Z");
    }

    [Fact]
    public async Task GetContributor_UnknownName_Returns404WithJsonReason()
    {
        await using var app = await MeshTestApp.StartAsync(ReviewsConfig(), mesh: m => m.AddMeshStatusContributor<RecoveryContributor>());

        using var response = await app.GetTestClient().GetAsync(new Uri("/mesh/anomalies", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("error").GetString().Should().Contain("'anomalies'").And.Contain("recovery");
    }

    [Fact]
    public async Task GetContributor_ContributorThrows_Returns500WithoutTheExceptionMessage()
    {
        await using var app = await MeshTestApp.StartAsync(ReviewsConfig(), mesh: m => m.AddMeshStatusContributor<FailingContributor>());

        using var response = await app.GetTestClient().GetAsync(new Uri("/mesh/failing", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Contain("\"error\"").And.NotContain("s3cr3t");
    }

    [Fact]
    public async Task GetIndex_WithContributor_ListsEndpointPaths()
    {
        await using var app = await MeshTestApp.StartAsync(ReviewsConfig(), mesh: m => m.AddMeshStatusContributor<RecoveryContributor>());

        var document = await GetJsonAsync(app, "/mesh");

        document.GetProperty("endpoints").EnumerateArray().Select(e => e.GetString()).Should().Equal("/mesh/services", "/mesh/recovery");
    }

    [Fact]
    public async Task MapMeshEndpoints_WithoutAddMeshClient_ThrowsWithHint()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();

        var map = () => app.MapMeshEndpoints();

        map.Should().Throw<InvalidOperationException>().WithMessage("*AddMeshClient*");
    }

    [Fact]
    public async Task MapMeshEndpoints_GroupConvention_AppliesToEveryEndpoint()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddMeshClient();
        await using var app = builder.Build();
        app.MapMeshEndpoints("/admin/mesh").AddEndpointFilter(static (_, _) => ValueTask.FromResult<object?>(Results.StatusCode(403)));
        await app.StartAsync();

        using var response = await app.GetTestClient().GetAsync(new Uri("/admin/mesh/services", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task MapMeshEndpoints_PrefixWithoutLeadingSlash_ServesEveryEndpointUnderIt()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddMeshClient();
        await using var app = builder.Build();
        app.MapMeshEndpoints("ops/mesh/");
        await app.StartAsync();

        var document = await GetJsonAsync(app, "/ops/mesh");

        document.GetProperty("endpoints").EnumerateArray().Select(e => e.GetString()).Should().Equal("/ops/mesh/services");
        (await GetJsonAsync(app, "/ops/mesh/services")).GetProperty("services").GetArrayLength().Should().Be(0);
    }

    private static async Task<JsonElement> GetJsonAsync(WebApplication app, string path)
    {
        using var response = await app.GetTestClient().GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Socket BindWithoutListening()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private sealed class RecoveryContributor : IMeshStatusContributor
    {
        public string Name => "recovery";

        public ValueTask<object?> GetStatusAsync(CancellationToken cancellationToken)
            => ValueTask.FromResult<object?>(new RecoveryStatus("migrate", InstanceStatus.OutOfService, Start));
    }

    private sealed class FailingContributor : IMeshStatusContributor
    {
        public string Name => "failing";

        public ValueTask<object?> GetStatusAsync(CancellationToken cancellationToken)
            => throw new InvalidOperationException("password=s3cr3t");
    }

    private sealed record RecoveryStatus(string ActivePolicy, InstanceStatus LastStatus, DateTimeOffset Since);
}
