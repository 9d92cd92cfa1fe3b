using Microsoft.Extensions.Logging;

namespace MeshClient.Recovery;

internal sealed partial class RecoveryEngine
{
    private static partial class Log
    {
        [LoggerMessage(3111, LogLevel.Error, "A recovery decision failed.")]
        public static partial void CommandFailed(ILogger logger, Exception exception);

        [LoggerMessage(3112, LogLevel.Warning, "Recovery action {Action} threw; it counts as failed.")]
        public static partial void ActionThrew(ILogger logger, string action, Exception exception);
    }
}
