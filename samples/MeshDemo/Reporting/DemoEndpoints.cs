using System.Text.Json.Serialization;

namespace MeshDemo.Reporting;

/// <summary>
/// The URLs the demo process serves while it runs (<see cref="Hosting.EndpointsHost"/>). With <c>--json</c> they are one
/// line on stderr, <c>{"kind":"endpoints","live","ready","startup","metrics","mesh"}</c>, so stdout keeps one run per line.
/// </summary>
/// <param name="Live">The liveness probe.</param>
/// <param name="Ready">The readiness probe.</param>
/// <param name="Startup">The startup probe.</param>
/// <param name="Metrics">The Prometheus scrape endpoint.</param>
/// <param name="Mesh">The root of the status endpoints (<c>/mesh/services</c>, <c>/mesh/{contributor}</c>).</param>
internal sealed record DemoEndpoints(string Live, string Ready, string Startup, string Metrics, string Mesh)
{
    [JsonPropertyOrder(-1)]
    public string Kind => "endpoints";
}
