using Microsoft.Extensions.Logging;

namespace MeshClient.AspNetCore.Inbound;

internal sealed partial class InboundObservationMiddleware
{
    private static partial class Log
    {
        [LoggerMessage(801, LogLevel.Warning, "The inbound request observer {Observer} threw; the request is unaffected.")]
        public static partial void ObserverFailed(ILogger logger, string observer, Exception exception);
    }
}
