using Microsoft.Extensions.Logging;

namespace MeshClient.Recovery;

internal sealed partial class RestoreAction
{
    private static partial class Log
    {
        [LoggerMessage(2361, LogLevel.Error, "Recovery restore: {Step} failed with {ExceptionType}; the other steps still run.")]
        public static partial void StepFailed(ILogger logger, string step, string exceptionType);
    }
}
