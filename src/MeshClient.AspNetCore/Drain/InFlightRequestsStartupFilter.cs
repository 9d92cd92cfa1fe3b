using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MeshClient.AspNetCore.Drain;

/// <summary>Puts the in-flight counter first in the pipeline, so that every request the server accepted is counted.</summary>
internal sealed class InFlightRequestsStartupFilter(InFlightRequests requests) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
        => app =>
        {
            app.Use(next => context => CountAsync(requests, next, context));
            next(app);
        };

    private static async Task CountAsync(InFlightRequests requests, RequestDelegate next, HttpContext context)
    {
        requests.Enter();
        try
        {
            await next(context);
        }
        finally
        {
            requests.Exit();
        }
    }
}
