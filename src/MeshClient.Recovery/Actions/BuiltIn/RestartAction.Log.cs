using Microsoft.Extensions.Logging;

namespace MeshClient.Recovery;

internal sealed partial class RestartAction
{
    private static partial class Log
    {
        [LoggerMessage(2362, LogLevel.Warning, "Recovery policy {Policy} restarts this process: the liveness check fails so the orchestrator restarts it.")]
        public static partial void LivenessFailed(ILogger logger, string policy);

        [LoggerMessage(2363, LogLevel.Warning, "Recovery policy {Policy} restarts this process: stopping the host with exit code {ExitCode}.")]
        public static partial void StoppingHost(ILogger logger, string policy, int exitCode);
    }
}
