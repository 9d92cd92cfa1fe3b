using Microsoft.Extensions.Logging;

namespace MeshClient.Discovery;

internal sealed partial class ServiceCatalog
{
    private static partial class Log
    {
        [LoggerMessage(101, LogLevel.Warning, "Discovery of {ServiceName} through {Provider} failed: {Reason}. Keeping the last good {InstanceCount} instances; retrying in {RetryIn}.")]
        public static partial void FetchFailed(ILogger logger, string serviceName, string provider, string reason, int instanceCount, TimeSpan retryIn);

        [LoggerMessage(102, LogLevel.Information, "Instances of {ServiceName} changed: version {Version}, {InstanceCount} instances, {EligibleCount} eligible.")]
        public static partial void InstancesChanged(ILogger logger, string serviceName, long version, int instanceCount, int eligibleCount);

        [LoggerMessage(103, LogLevel.Warning, "The first fetch of {ServiceName} did not complete within {Timeout}.")]
        public static partial void FirstFetchTimedOut(ILogger logger, string serviceName, TimeSpan timeout);

        [LoggerMessage(104, LogLevel.Debug, "Service {ServiceName} expired from the instance cache.")]
        public static partial void ServiceExpired(ILogger logger, string serviceName);
    }
}
