using Microsoft.Extensions.Logging;

namespace MeshClient.Consul.Http;

internal sealed partial class ConsulHttpClient
{
    private static partial class Log
    {
        [LoggerMessage(2001, LogLevel.Warning, "Consul {Request} to {Agent} failed: {Reason}. Trying {NextAgent}.")]
        public static partial void FailingOver(ILogger logger, string request, string agent, string reason, string nextAgent);
    }
}
