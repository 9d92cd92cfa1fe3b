using System.Diagnostics.CodeAnalysis;
using MeshClient.AspNetCore.Endpoints;
using MeshClient.Discovery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the MeshClient status endpoints.</summary>
public static class MeshEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the MeshClient status endpoints under <c>/mesh</c>: <c>GET /mesh/services</c> (every tracked or configured
    /// service with its instances), <c>GET /mesh/services/{name}</c> (one service; 404 when unknown) and
    /// <c>GET /mesh/{name}</c> for every registered <see cref="MeshClient.Status.IMeshStatusContributor"/>.
    /// Bodies are camelCase JSON, enums by name, times in ISO-8601 UTC, secrets left out.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder (usually the <c>WebApplication</c>).</param>
    /// <returns>The route group, to add conventions such as <c>RequireAuthorization()</c>.</returns>
    public static RouteGroupBuilder MapMeshEndpoints(this IEndpointRouteBuilder endpoints)
        => endpoints.MapMeshEndpoints(MeshEndpointsConstants.DefaultPrefix);

    /// <summary>Maps the MeshClient status endpoints under another prefix; see <see cref="MapMeshEndpoints(IEndpointRouteBuilder)"/>.</summary>
    /// <param name="endpoints">The endpoint route builder (usually the <c>WebApplication</c>).</param>
    /// <param name="prefix">The route prefix, for example <c>/admin/mesh</c>.</param>
    /// <returns>The route group, to add conventions such as <c>RequireAuthorization()</c>.</returns>
    /// <exception cref="InvalidOperationException">MeshClient is not registered (<c>AddMeshClient</c> was not called).</exception>
    public static RouteGroupBuilder MapMeshEndpoints(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string prefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>() is { } isService && !isService.IsService(typeof(IServiceInstanceCache)))
        {
            throw new InvalidOperationException("MeshClient is not registered: call builder.Services.AddMeshClient(...) before app.MapMeshEndpoints().");
        }

        var root = prefix.Trim('/');
        var basePath = root.Length == 0 ? string.Empty : "/" + root;
        var group = endpoints.MapGroup(prefix);
        group.ExcludeFromDescription();
        group.MapGet("/", (HttpContext context) => MeshEndpoints.GetIndex(context, basePath)).WithDisplayName("Mesh status: index");

        // The cast keeps the handler a route handler: as a RequestDelegate its IResult would be discarded.
        group.MapGet("/" + MeshEndpointsConstants.ServicesSegment, (Delegate)MeshEndpoints.GetServicesAsync).WithDisplayName("Mesh status: services");
        group.MapGet("/" + MeshEndpointsConstants.ServicesSegment + "/{name}", MeshEndpoints.GetServiceAsync).WithDisplayName("Mesh status: service");
        group.MapGet("/{name}", MeshEndpoints.GetContributorAsync).WithDisplayName("Mesh status: contributor");
        return group;
    }
}
