using Microsoft.Extensions.Logging;

namespace MeshClient.Eureka.Discovery;

internal sealed partial class EurekaRegistryPoller
{
    private static partial class Log
    {
        [LoggerMessage(1101, LogLevel.Warning, "Eureka registry fetch failed: {Reason}. Keeping the last good registry ({AppCount} applications, {InstanceCount} instances); retrying in {RetryIn}.")]
        public static partial void FetchFailed(ILogger logger, string reason, int appCount, int instanceCount, TimeSpan retryIn);

        [LoggerMessage(1102, LogLevel.Information, "Eureka delta from {Url} left the local registry at hashcode '{Local}' but the server has '{Server}'; fetching the full registry.")]
        public static partial void HashcodeMismatch(ILogger logger, string local, string server, string url);

        [LoggerMessage(1103, LogLevel.Information, "Eureka server {Url} refused the delta; fetching the full registry.")]
        public static partial void DeltaRefused(ILogger logger, string url);
    }
}
