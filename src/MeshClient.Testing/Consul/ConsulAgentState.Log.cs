using Microsoft.Extensions.Logging;

namespace MeshClient.Testing.Consul;

internal sealed partial class ConsulAgentState
{
    private static partial class Log
    {
        [LoggerMessage(1401, LogLevel.Information, "Registered service {Name}/{Id} at {Address}:{Port} with {CheckCount} check(s).")]
        public static partial void Registered(ILogger logger, string name, string id, string address, int port, int checkCount);

        [LoggerMessage(1402, LogLevel.Information, "Deregistered service {Name}/{Id}.")]
        public static partial void Deregistered(ILogger logger, string name, string id);

        [LoggerMessage(1403, LogLevel.Information, "Check {CheckId} is {Status} (was {Previous}): {Output}")]
        public static partial void CheckStatus(ILogger logger, string checkId, string status, string previous, string output);

        [LoggerMessage(1404, LogLevel.Information, "Registered check {CheckId} ({Type}), status {Status}.")]
        public static partial void CheckRegistered(ILogger logger, string checkId, string type, string status);

        [LoggerMessage(1405, LogLevel.Information, "Deregistered check {CheckId}.")]
        public static partial void CheckDeregistered(ILogger logger, string checkId);

        [LoggerMessage(1406, LogLevel.Information, "Maintenance of {Id} on: {Reason}")]
        public static partial void MaintenanceOn(ILogger logger, string id, string reason);

        [LoggerMessage(1407, LogLevel.Information, "Reaping {Id}: critical for longer than its DeregisterCriticalServiceAfter.")]
        public static partial void Reaping(ILogger logger, string id);

        [LoggerMessage(1408, LogLevel.Information, "Maintenance of {Id} off.")]
        public static partial void MaintenanceOff(ILogger logger, string id);
    }
}
