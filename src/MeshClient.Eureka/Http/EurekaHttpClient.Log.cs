using Microsoft.Extensions.Logging;

namespace MeshClient.Eureka.Http;

internal sealed partial class EurekaHttpClient
{
    private static partial class Log
    {
        [LoggerMessage(1001, LogLevel.Warning, "Eureka {Request} to {Url} failed: {Reason}. Trying {NextUrl}.")]
        public static partial void FailingOver(ILogger logger, string request, string url, string reason, string nextUrl);
    }
}
