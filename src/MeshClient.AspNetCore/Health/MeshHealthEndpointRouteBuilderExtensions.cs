using MeshClient.AspNetCore.Health;
using MeshClient.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Kubernetes-style probe endpoints of MeshClient.</summary>
public static class MeshHealthEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET /health/live</c> (checks tagged <c>live</c>), <c>/health/ready</c> (checks tagged <c>ready</c>) and
    /// <c>/health/startup</c> (checks tagged <c>startup</c>); paths from <c>Mesh:Probes</c>. Each answers 200 when its
    /// checks are Healthy or Degraded and 503 when one is Unhealthy, with a JSON body free of secrets;
    /// <c>?verbose</c> adds each check's data unless <c>Mesh:Probes:AllowVerbose</c> is false.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder (usually the <c>WebApplication</c>).</param>
    /// <returns>A group holding the three endpoints, to add conventions such as <c>RequireHost(...)</c>.</returns>
    /// <exception cref="InvalidOperationException"><c>AddHealthProbes()</c> was not called.</exception>
    public static RouteGroupBuilder MapMeshHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>() is { } isService && !isService.IsService(typeof(ReadinessStatusMirror)))
        {
            throw new InvalidOperationException("The MeshClient probes are not registered: call AddMeshClient(...).AddHealthProbes() before app.MapMeshHealth().");
        }

        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<MeshProbeOptions>>().Value;
        var group = endpoints.MapGroup(string.Empty);
        group.ExcludeFromDescription();
        Map(group, options.LivePath, MeshHealthTags.Live, options.AllowVerbose, "Mesh probe: live");
        Map(group, options.ReadyPath, MeshHealthTags.Ready, options.AllowVerbose, "Mesh probe: ready");
        Map(group, options.StartupPath, HealthProbeConstants.StartupTag, options.AllowVerbose, "Mesh probe: startup");
        return group;
    }

    private static void Map(RouteGroupBuilder group, string path, string tag, bool allowVerbose, string displayName)
        => group.MapHealthChecks(path, new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(tag),
            ResponseWriter = (context, report) => ProbeResponseWriter.WriteAsync(context, report, allowVerbose),
            AllowCachingResponses = false,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).WithDisplayName(displayName);
}
