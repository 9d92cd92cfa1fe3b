using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MeshClient.Eureka.Discovery;
using MeshClient.Eureka.Wire;

namespace MeshClient.Benchmarks;

/// <summary>
/// The Eureka poller's work per fetch: a full registry of 10,000 instances (100 applications of 100) read into the
/// local copy, and a 100-instance delta (40 MODIFIED, 30 ADDED, 30 DELETED) read and applied to that copy with the
/// hashcode check. The JSON is written in GlobalSetup from our model with our registration writer, in the server's shapes.
/// </summary>
[MemoryDiagnoser]
public class EurekaParseBenchmarks
{
    private const int Applications = 100;
    private const int InstancesPerApplication = 100;
    private const int Modified = 40;
    private const int Added = 30;
    private const int Deleted = 30;

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private byte[] _full = [];
    private byte[] _delta = [];
    private EurekaRegistry _registry = EurekaRegistry.Empty;

    /// <summary>Writes the full and delta payloads and parses the full one once, as the base the delta applies to.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var full = new List<EurekaApplication>(Applications);
        var delta = new List<EurekaApplication>(Modified + Added + Deleted);
        for (var a = 0; a < Applications; a++)
        {
            var app = string.Create(CultureInfo.InvariantCulture, $"SERVICE-{a:D3}");
            var instances = Enumerable.Range(0, InstancesPerApplication).Select(i => Instance(app, a, i, EurekaStatus.Up, "ADDED")).ToArray();
            full.Add(new EurekaApplication(app, instances));

            // One change per application: the first 40 change status, the next 30 gain an instance, the last 30 lose one.
            var change = a < Modified ? instances[0] with { Status = EurekaStatus.Down, ActionType = "MODIFIED" }
                : a < Modified + Added ? Instance(app, a, InstancesPerApplication, EurekaStatus.Up, "ADDED")
                : instances[1] with { ActionType = "DELETED" };
            delta.Add(new EurekaApplication(app, [change]));
        }

        _registry = EurekaRegistry.FromFull(new EurekaApplications(1, null, full));
        var expected = _registry.ApplyDelta(new EurekaApplications(2, null, delta), new HashSet<string>(StringComparer.OrdinalIgnoreCase));
        _full = WriteApplications(full, 1, _registry.Hashcode);
        _delta = WriteApplications(delta, 2, expected.Hashcode);

        // The payloads must round-trip: 10,000 instances, and a delta that reconciles.
        _registry = Full();
        if (_registry.InstanceCount != Applications * InstancesPerApplication || Delta().InstanceCount != expected.InstanceCount)
        {
            throw new InvalidOperationException("The generated Eureka payloads do not round-trip.");
        }
    }

    /// <summary>A full fetch: <c>GET apps</c> read and frozen into the local copy.</summary>
    /// <returns>The local copy (the registry type is internal).</returns>
    [Benchmark]
    public object ParseFull() => Full();

    /// <summary>A delta: <c>GET apps/delta</c> read, applied to the 10,000-instance copy, and checked against <c>apps__hashcode</c>.</summary>
    /// <returns>The updated copy.</returns>
    [Benchmark]
    public object ApplyDelta() => Delta();

    private EurekaRegistry Full() => EurekaRegistry.FromFull(EurekaPayloadReader.ReadApplications(_full, Json));

    private EurekaRegistry Delta()
    {
        var delta = EurekaPayloadReader.ReadApplications(_delta, Json);
        var updated = _registry.ApplyDelta(delta, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
        return string.Equals(updated.Hashcode, delta.AppsHashcode, StringComparison.Ordinal)
            ? updated
            : throw new InvalidOperationException($"Hashcode mismatch: '{updated.Hashcode}' against '{delta.AppsHashcode}'.");
    }

    private static EurekaInstance Instance(string app, int a, int i, string status, string actionType)
    {
        var ip = string.Create(CultureInfo.InvariantCulture, $"10.{a / 256}.{a % 256}.{i}");
        var host = "ip-" + ip.Replace('.', '-') + ".ec2.internal";
        return new EurekaInstance
        {
            InstanceId = string.Create(CultureInfo.InvariantCulture, $"{host}:{app.ToLowerInvariant()}:8080"),
            App = app,
            HostName = host,
            IpAddr = ip,
            Status = status,
            Port = 8080,
            SecurePort = 443,
            VipAddress = app.ToLowerInvariant(),
            SecureVipAddress = app.ToLowerInvariant(),
            HomePageUrl = $"http://{host}:8080/",
            StatusPageUrl = $"http://{host}:8080/info",
            HealthCheckUrl = $"http://{host}:8080/health",
            DataCenterName = "MyOwn",
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["zone"] = "zone-" + (char)('a' + (i % 3)),
                ["management.port"] = "8081",
            },
            LastUpdatedTimestamp = 1_735_689_600_000 + i,
            LastDirtyTimestamp = 1_735_689_600_000 + i,
            ActionType = actionType,
        };
    }

    /// <summary>An <c>applications</c> document; each instance is the registration writer's object with its action type.</summary>
    private static byte[] WriteApplications(IReadOnlyList<EurekaApplication> applications, long version, string hashcode)
    {
        var lease = new EurekaLease(30, 90);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("applications");
            w.WriteString("versions__delta", version.ToString(CultureInfo.InvariantCulture));
            w.WriteString("apps__hashcode", hashcode);
            w.WriteStartArray("application");
            foreach (var application in applications)
            {
                w.WriteStartObject();
                w.WriteString("name", application.Name);
                w.WriteStartArray("instance");
                foreach (var instance in application.Instances)
                {
                    using var written = JsonDocument.Parse(EurekaRegistrationWriter.WriteJson(instance, lease));
                    w.WriteStartObject();
                    foreach (var property in written.RootElement.GetProperty("instance").EnumerateObject())
                    {
                        if (property.NameEquals("actionType"))
                        {
                            w.WriteString("actionType", instance.ActionType);
                        }
                        else
                        {
                            property.WriteTo(w);
                        }
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
