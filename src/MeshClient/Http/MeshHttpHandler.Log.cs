using Microsoft.Extensions.Logging;

namespace MeshClient.Http;

internal sealed partial class MeshHttpHandler
{
    private static partial class Log
    {
        [LoggerMessage(201, LogLevel.Debug, "No instance of {ServiceName} is available: {Reason}.")]
        public static partial void NoInstance(ILogger logger, string serviceName, NoInstanceReason reason);

        [LoggerMessage(202, LogLevel.Warning, "The request outcome observer {ObserverType} threw; its exception is ignored and further failures of this observer type are not logged.")]
        public static partial void ObserverFailed(ILogger logger, string observerType, Exception exception);
    }
}
