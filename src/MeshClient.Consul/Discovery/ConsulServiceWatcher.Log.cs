using Microsoft.Extensions.Logging;

namespace MeshClient.Consul.Discovery;

internal sealed partial class ConsulServiceWatcher
{
    private static partial class Log
    {
        [LoggerMessage(2101, LogLevel.Warning, "Consul watch of {Service} failed: {Reason}. Keeping the last good set ({InstanceCount} instances); retrying in {RetryIn}.")]
        public static partial void WatchFailed(ILogger logger, string service, string reason, int instanceCount, TimeSpan retryIn);

        [LoggerMessage(2102, LogLevel.Information, "Consul index of {Service} went backwards ({Previous} to {Current}); resetting the blocking index to 0.")]
        public static partial void IndexWentBackwards(ILogger logger, string service, ulong previous, ulong current);

        [LoggerMessage(2103, LogLevel.Debug, "Consul watch of {Service} sees {InstanceCount} instances at index {Index}.")]
        public static partial void Changed(ILogger logger, string service, int instanceCount, ulong index);
    }
}
