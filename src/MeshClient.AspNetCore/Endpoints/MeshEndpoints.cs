using System.Text.Json.Serialization.Metadata;
using MeshClient.Discovery;
using MeshClient.Status;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshClient.AspNetCore.Endpoints;

/// <summary>The handlers of the <c>/mesh/*</c> status endpoints. Services are resolved per request, so mapping never builds them.</summary>
internal static partial class MeshEndpoints
{
    /// <summary><c>GET /mesh</c>: the paths of the status endpoints.</summary>
    /// <param name="context">The request.</param>
    /// <param name="groupPath">The group's prefix, <c>/mesh</c>, without a trailing slash (empty at the root).</param>
    public static JsonHttpResult<MeshIndexResponse> GetIndex(HttpContext context, string groupPath)
    {
        var basePath = context.Request.PathBase.Value + groupPath;
        var endpoints = new List<string> { $"{basePath}/{MeshEndpointsConstants.ServicesSegment}" };
        foreach (var contributor in context.RequestServices.GetServices<IMeshStatusContributor>())
        {
            endpoints.Add($"{basePath}/{contributor.Name}");
        }

        return Json(context, new MeshIndexResponse { Endpoints = endpoints }, MeshJson.Context.MeshIndexResponse);
    }

    /// <summary><c>GET /mesh/services</c>: every tracked or configured service with its instances; configured ones after their first fetch.</summary>
    public static async Task<IResult> GetServicesAsync(HttpContext context)
    {
        var cache = context.RequestServices.GetRequiredService<IServiceInstanceCache>();
        var configured = ConfiguredServices(context.RequestServices);
        var names = new SortedSet<string>(configured, StringComparer.OrdinalIgnoreCase);
        names.UnionWith(cache.Services);

        var lookups = new List<Task<ServiceStatusResponse>>(names.Count);
        foreach (var name in names)
        {
            lookups.Add(configured.Contains(name)
                ? DescribeAfterFirstFetchAsync(cache, name, context.RequestAborted)
                : Task.FromResult(Describe(cache, name, cache.TryGetSnapshot(name, out var snapshot) ? snapshot : null)));
        }

        var services = await Task.WhenAll(lookups);
        return Json(context, new ServiceListResponse { Services = services }, MeshJson.Context.ServiceListResponse);
    }

    /// <summary><c>GET /mesh/services/{name}</c>: one service, after its first fetch; 404 when discovery does not know it.</summary>
    public static async Task<IResult> GetServiceAsync(string name, HttpContext context)
    {
        var services = context.RequestServices;
        var cache = services.GetRequiredService<IServiceInstanceCache>();
        var configured = ConfiguredServices(services).Contains(name);
        var tracked = cache.Services.Contains(name, StringComparer.OrdinalIgnoreCase);

        // Without a registry to ask, a name that is neither configured nor tracked is unknown: answer without tracking it.
        if (!configured && !tracked && !ActiveProviderIsRegistry(services))
        {
            return NotFound(context, $"Service '{name}' is not configured under Mesh:Services and not tracked by the instance cache.");
        }

        var snapshot = await cache.GetSnapshotAsync(name, context.RequestAborted);
        if (snapshot is null && !configured)
        {
            return NotFound(context, $"Service '{name}' is not known to discovery, or its first fetch failed.");
        }

        return Json(context, Describe(cache, name, snapshot), MeshJson.Context.ServiceStatusResponse);
    }

    /// <summary><c>GET /mesh/{name}</c>: the document of the status contributor with that name.</summary>
    public static async Task<IResult> GetContributorAsync(string name, HttpContext context)
    {
        var contributors = context.RequestServices.GetServices<IMeshStatusContributor>().ToArray();
        var contributor = Array.FindLast(contributors, c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (contributor is null)
        {
            var known = string.Join(", ", contributors.Select(c => c.Name).Prepend(MeshEndpointsConstants.ServicesSegment));
            return NotFound(context, $"No mesh status named '{name}'. Known: {known}.");
        }

        object? document;
        try
        {
            document = await contributor.GetStatusAsync(context.RequestAborted);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log.ContributorFailed(Logger(context), contributor.Name, ex);
            var error = new ErrorResponse { Error = $"The mesh status '{contributor.Name}' failed; see the application logs." };
            return Json(context, error, MeshJson.Context.ErrorResponse, StatusCodes.Status500InternalServerError);
        }

        // Serialised by its runtime type.
        context.Response.Headers.CacheControl = MeshEndpointsConstants.NoStore;
        return TypedResults.Json(document, MeshJson.ContributorOptions, MeshEndpointsConstants.JsonContentType);
    }

    private static async Task<ServiceStatusResponse> DescribeAfterFirstFetchAsync(IServiceInstanceCache cache, string name, CancellationToken cancellationToken)
        => Describe(cache, name, await cache.GetSnapshotAsync(name, cancellationToken));

    private static ServiceStatusResponse Describe(IServiceInstanceCache cache, string name, ServiceSnapshot? snapshot)
        => ServiceStatusResponse.Create(name, snapshot, snapshot is null ? [] : cache.GetInstanceStates(name));

    private static HashSet<string> ConfiguredServices(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptionsMonitor<MeshOptions>>().CurrentValue;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, settings) in options.Services)
        {
            if (settings is not null)
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static bool ActiveProviderIsRegistry(IServiceProvider services)
    {
        var name = services.GetRequiredService<IOptionsMonitor<MeshOptions>>().CurrentValue.Discovery.Provider;
        var provider = services.GetServices<IServiceDiscoveryProvider>().LastOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        return provider?.IsRegistry ?? false;
    }

    private static JsonHttpResult<ErrorResponse> NotFound(HttpContext context, string reason)
        => Json(context, new ErrorResponse { Error = reason }, MeshJson.Context.ErrorResponse, StatusCodes.Status404NotFound);

    private static JsonHttpResult<T> Json<T>(HttpContext context, T document, JsonTypeInfo<T> typeInfo, int statusCode = StatusCodes.Status200OK)
    {
        context.Response.Headers.CacheControl = MeshEndpointsConstants.NoStore;
        return TypedResults.Json(document, typeInfo, MeshEndpointsConstants.JsonContentType, statusCode);
    }

    private static ILogger Logger(HttpContext context)
        => context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(MeshEndpointsConstants.LoggerCategory);
}
