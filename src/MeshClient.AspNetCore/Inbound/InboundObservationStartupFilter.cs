using MeshClient.AspNetCore.Health;
using MeshClient.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshClient.AspNetCore.Inbound;

/// <summary>
/// Puts the inbound observation first in the pipeline, so that it sees every request and every exception of the
/// application; adds nothing when no <see cref="IInboundRequestObserver"/> is registered.
/// </summary>
internal sealed class InboundObservationStartupFilter(IEnumerable<IInboundRequestObserver> observers) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
        => app =>
        {
            IInboundRequestObserver[] registered = [.. observers];
            if (registered.Length > 0)
            {
                var services = app.ApplicationServices;
                app.Use(next => new InboundObservationMiddleware(
                    next,
                    registered,
                    services.GetRequiredService<IOptions<MeshInboundOptions>>(),
                    services.GetRequiredService<IOptions<MeshProbeOptions>>(),
                    services.GetRequiredService<TimeProvider>(),
                    services.GetRequiredService<ILogger<InboundObservationMiddleware>>()).InvokeAsync);
            }

            next(app);
        };
}
