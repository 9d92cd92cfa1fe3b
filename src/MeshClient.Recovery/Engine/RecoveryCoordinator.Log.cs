using Microsoft.Extensions.Logging;

namespace MeshClient.Recovery;

internal sealed partial class RecoveryCoordinator
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 3101, Message = "Recovery {Event} {Target} by policy {Policy}: action {Action} (rung {Rung}); {Reason}")]
        public static partial void Decision(ILogger logger, LogLevel level, string @event, string target, string policy, string? action, int rung, string? reason);

        [LoggerMessage(3102, LogLevel.Warning, "Recovery of {Target} by policy {Policy} was reset by an operator; its ladder starts again.")]
        public static partial void Reset(ILogger logger, string target, string policy);
    }
}
