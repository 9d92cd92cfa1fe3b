using Microsoft.Extensions.Logging;

namespace MeshClient.Anomaly;

internal sealed partial class AnomalyFeed
{
    private static partial class Log
    {
        [LoggerMessage(2101, LogLevel.Warning, "Anomaly in {Series} ({Direction}) of {ServiceName}/{InstanceId}: value {Value} scored {Score} by {Detector}.")]
        public static partial void Detected(ILogger logger, AnomalySeriesKind series, string direction, string serviceName, string? instanceId, double value, double score, string detector);

        [LoggerMessage(2102, LogLevel.Information, "Anomaly in {Series} ({Direction}) of {ServiceName}/{InstanceId} cleared.")]
        public static partial void Cleared(ILogger logger, AnomalySeriesKind series, string direction, string serviceName, string? instanceId);

        [LoggerMessage(2103, LogLevel.Warning, "The anomaly feed holds Mesh:Anomaly:MaxSeries = {MaxSeries} series; outcomes of new series (first {ServiceName}/{InstanceId}) are dropped and counted.")]
        public static partial void SeriesCapReached(ILogger logger, int maxSeries, string serviceName, string? instanceId);

        [LoggerMessage(2104, LogLevel.Debug, "The anomaly series of {ServiceName}/{InstanceId} expired idle.")]
        public static partial void Expired(ILogger logger, string serviceName, string? instanceId);

        [LoggerMessage(2105, LogLevel.Error, "Closing an anomaly bucket failed.")]
        public static partial void CloseFailed(ILogger logger, Exception exception);
    }
}
