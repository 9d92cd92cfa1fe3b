using Microsoft.Extensions.Logging;

namespace MeshClient.AspNetCore.Health;

internal sealed partial class LivenessWatcher
{
    private static partial class Log
    {
        [LoggerMessage(611, LogLevel.Warning, "Liveness changed: passing {Healthy}; failing checks: {Reason}.")]
        public static partial void LivenessChanged(ILogger logger, bool healthy, string? reason);

        [LoggerMessage(612, LogLevel.Warning, "Evaluating liveness failed: {Error}")]
        public static partial void WatchFailed(ILogger logger, string error);
    }
}
