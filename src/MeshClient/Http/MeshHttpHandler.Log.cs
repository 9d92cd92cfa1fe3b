using Microsoft.Extensions.Logging;

namespace MeshClient.Http;

internal sealed partial class MeshHttpHandler
{
    private static partial class Log
    {
        [LoggerMessage(201, LogLevel.Debug, "No instance of {ServiceName} is available: {Reason}.")]
        public static partial void NoInstance(ILogger logger, string serviceName, NoInstanceReason reason);
    }
}
