using MeshClient.Discovery;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace MeshClient.AspNetCore.Health;

internal sealed partial class ReadinessStatusMirror
{
    private static partial class Log
    {
        [LoggerMessage(601, LogLevel.Information, "Readiness is {Readiness}: registry status set to {Status}.")]
        public static partial void StatusMirrored(ILogger logger, InstanceStatus status, HealthStatus readiness);

        [LoggerMessage(602, LogLevel.Warning, "Mirroring readiness into the registry status failed: {Error}")]
        public static partial void MirrorFailed(ILogger logger, string error);

        [LoggerMessage(603, LogLevel.Information, "Readiness changed: passing {Healthy}; failing checks: {Reason}.")]
        public static partial void ReadinessChanged(ILogger logger, bool healthy, string? reason);
    }
}
