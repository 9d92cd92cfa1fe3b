using MeshClient.Prometheus;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Prometheus endpoint of MeshClient.</summary>
public static class MeshPrometheusEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET /metrics</c> (path from <c>Mesh:Prometheus:Path</c>) in the Prometheus text format: the MeshClient
    /// meters and ASP.NET Core's hosting and Kestrel meters, counters named <c>*_total</c>; see docs/metrics.md.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder (usually the <c>WebApplication</c>).</param>
    /// <returns>The endpoint, to add conventions such as <c>RequireHost(...)</c>.</returns>
    /// <exception cref="InvalidOperationException"><c>AddPrometheus()</c> was not called.</exception>
    public static IEndpointConventionBuilder MapMeshMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var bridge = endpoints.ServiceProvider.GetService<MeterBridge>()
            ?? throw new InvalidOperationException("The MeshClient Prometheus exporter is not registered: call AddMeshClient(...).AddPrometheus() before app.MapMeshMetrics().");
        var path = endpoints.ServiceProvider.GetRequiredService<IOptions<MeshPrometheusOptions>>().Value.Path;
        return endpoints.MapMetrics(path, bridge.Registry).WithDisplayName("Mesh metrics: Prometheus");
    }
}
