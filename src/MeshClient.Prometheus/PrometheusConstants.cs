namespace MeshClient.Prometheus;

/// <summary>Names and defaults of the Prometheus exporter.</summary>
internal static class PrometheusConstants
{
    public const string Section = "Prometheus";

    public const string SectionName = "Mesh:" + Section;

    public const string DefaultPath = "/metrics";

    public const int DefaultMaxInstanceIds = 50;

    /// <summary>The <c>mesh.instance</c> value of instances beyond the limit.</summary>
    public const string OtherInstance = "other";

    public const string InstanceTag = "mesh.instance";

    /// <summary>The MeshClient meters: core's <c>MeshClient</c> and every package's <c>MeshClient.*</c>.</summary>
    public const string MeshMeterPrefix = "MeshClient";

    public static readonly string[] AspNetCoreMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    /// <summary>
    /// The label names of known instruments. A Prometheus metric has one label set, while a .NET instrument may record
    /// different tag sets (for example <c>mesh.instance</c> is left out when no instance could be picked): missing tags
    /// are exported as empty labels. Instruments not listed take the tag keys of their first measurement.
    /// </summary>
    public static readonly Dictionary<string, string[]> KnownLabels = new(StringComparer.Ordinal)
    {
        ["mesh.client.requests"] = ["mesh.service", "mesh.instance", "mesh.outcome"],
        ["mesh.client.request.duration"] = ["mesh.service", "mesh.instance", "mesh.outcome"],
        ["mesh.client.requests.in_flight"] = ["mesh.service", "mesh.instance"],
        ["mesh.client.instances"] = ["mesh.service", "mesh.state"],
        ["mesh.client.discovery.refreshes"] = ["mesh.service", "mesh.result"],
        ["mesh.client.retries"] = ["mesh.service", "mesh.result"],
        ["mesh.client.ejections"] = ["mesh.service", "mesh.instance", "mesh.reason"],
        ["mesh.client.circuit.transitions"] = ["mesh.service", "mesh.instance", "mesh.state"],
        ["mesh.client.panic"] = ["mesh.service"],
        ["http.server.request.duration"] = ["http.request.method", "http.response.status_code", "http.route", "network.protocol.version", "url.scheme", "error.type"],
        ["http.server.active_requests"] = ["http.request.method", "url.scheme"],
        ["kestrel.connection.duration"] = ["network.transport", "network.type", "server.address", "server.port", "network.protocol.name", "network.protocol.version", "tls.protocol.version", "error.type"],
        ["kestrel.active_connections"] = ["network.transport", "network.type", "server.address", "server.port"],
        ["kestrel.queued_connections"] = ["network.transport", "network.type", "server.address", "server.port"],
        ["kestrel.rejected_connections"] = ["network.transport", "network.type", "server.address", "server.port"],
    };
}
