using Microsoft.Extensions.Logging;

namespace MeshClient.Testing.Eureka;

internal sealed partial class EurekaServerRegistry
{
    private static partial class Log
    {
        [LoggerMessage(1301, LogLevel.Information, "Registered {App}/{InstanceId} at {Address}, status {Status}.")]
        public static partial void Registered(ILogger logger, string app, string instanceId, string address, string status);

        [LoggerMessage(1302, LogLevel.Information, "Cancelled {App}/{InstanceId}.")]
        public static partial void Cancelled(ILogger logger, string app, string instanceId);

        [LoggerMessage(1303, LogLevel.Information, "Status of {App}/{InstanceId} overridden to {Status}.")]
        public static partial void Overridden(ILogger logger, string app, string instanceId, string status);

        [LoggerMessage(1304, LogLevel.Information, "Status override of {App}/{InstanceId} removed, status {Status}.")]
        public static partial void OverrideRemoved(ILogger logger, string app, string instanceId, string status);

        [LoggerMessage(1305, LogLevel.Information, "Metadata of {App}/{InstanceId} updated: {Keys}.")]
        public static partial void MetadataUpdated(ILogger logger, string app, string instanceId, string keys);

        [LoggerMessage(1306, LogLevel.Information, "Evicted {App}/{InstanceId}: its lease expired.")]
        public static partial void Evicted(ILogger logger, string app, string instanceId);
    }
}
