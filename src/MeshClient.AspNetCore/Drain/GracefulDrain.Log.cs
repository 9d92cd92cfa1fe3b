using Microsoft.Extensions.Logging;

namespace MeshClient.AspNetCore.Drain;

internal sealed partial class GracefulDrain
{
    private static partial class Log
    {
        [LoggerMessage(701, LogLevel.Information, "Draining: readiness fails, taking the instance out of service; {InFlight} request(s) in flight, delay {Delay}, deadline {Timeout}.")]
        public static partial void DrainStarted(ILogger logger, int inFlight, TimeSpan delay, TimeSpan timeout);

        [LoggerMessage(702, LogLevel.Information, "Drained after {Elapsed}: no request in flight.")]
        public static partial void Drained(ILogger logger, TimeSpan elapsed);

        [LoggerMessage(703, LogLevel.Warning, "Drain deadline Mesh:Drain:Timeout ({Timeout}) reached with {InFlight} request(s) in flight; stopping.")]
        public static partial void DeadlineReached(ILogger logger, TimeSpan timeout, int inFlight);

        [LoggerMessage(704, LogLevel.Warning, "Taking the instance out of service failed: {Error}. Draining on readiness alone.")]
        public static partial void OutOfServiceFailed(ILogger logger, string error);

        [LoggerMessage(705, LogLevel.Warning, "The host's shutdown timeout ended the drain with {InFlight} request(s) in flight.")]
        public static partial void ShutdownTimeoutReached(ILogger logger, int inFlight);

        [LoggerMessage(706, LogLevel.Warning, "Mesh:Drain:Timeout ({Timeout}) is not below HostOptions.ShutdownTimeout ({ShutdownTimeout}): deregistration may be cut short.")]
        public static partial void TimeoutExceedsShutdown(ILogger logger, TimeSpan timeout, TimeSpan shutdownTimeout);
    }
}
