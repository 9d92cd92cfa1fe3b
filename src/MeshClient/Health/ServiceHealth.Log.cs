using Microsoft.Extensions.Logging;

namespace MeshClient.Health;

internal sealed partial class ServiceHealth
{
    private static partial class Log
    {
        [LoggerMessage(401, LogLevel.Warning, "Ejected instance {InstanceId} of {ServiceName} ({Reason}) for {Duration} (ejection {TimesEjected}).")]
        public static partial void Ejected(ILogger logger, string serviceName, string instanceId, string reason, TimeSpan duration, int timesEjected);

        [LoggerMessage(402, LogLevel.Information, "Instance {InstanceId} of {ServiceName} is back from ejection.")]
        public static partial void Readmitted(ILogger logger, string serviceName, string instanceId);

        [LoggerMessage(403, LogLevel.Information, "Instance {InstanceId} of {ServiceName} tripped {Reason} but was not ejected: more than {MaxEjectionPercent} % would be ejected.")]
        public static partial void EjectionSkipped(ILogger logger, string serviceName, string instanceId, string reason, int maxEjectionPercent);

        [LoggerMessage(404, LogLevel.Warning, "The circuit breaker of instance {InstanceId} of {ServiceName} opened for {BreakDuration}.")]
        public static partial void CircuitOpened(ILogger logger, string serviceName, string instanceId, TimeSpan breakDuration);

        [LoggerMessage(405, LogLevel.Information, "The circuit breaker of instance {InstanceId} of {ServiceName} closed.")]
        public static partial void CircuitClosed(ILogger logger, string serviceName, string instanceId);

        [LoggerMessage(406, LogLevel.Error, "Panic: only {Healthy} of the {Up} Up instances of {ServiceName} are healthy; balancing across all of them.")]
        public static partial void PanicEntered(ILogger logger, string serviceName, int healthy, int up);

        [LoggerMessage(407, LogLevel.Information, "{ServiceName} left panic: {Healthy} of its {Up} Up instances are healthy.")]
        public static partial void PanicLeft(ILogger logger, string serviceName, int healthy, int up);

        [LoggerMessage(408, LogLevel.Information, "Instance {InstanceId} of {ServiceName} answered 429; it takes no traffic for {Duration} (Retry-After).")]
        public static partial void Penalized(ILogger logger, string serviceName, string instanceId, TimeSpan duration);

        [LoggerMessage(409, LogLevel.Warning, "Instance {InstanceId} of {ServiceName} failed {Failures} active health checks in a row: unhealthy ({Reason}).")]
        public static partial void CheckUnhealthy(ILogger logger, string serviceName, string instanceId, int failures, string reason);

        [LoggerMessage(410, LogLevel.Information, "Instance {InstanceId} of {ServiceName} passed {Passes} active health checks in a row: healthy.")]
        public static partial void CheckHealthy(ILogger logger, string serviceName, string instanceId, int passes);

        [LoggerMessage(411, LogLevel.Debug, "Instance {InstanceId} of {ServiceName} is an outlier ({Reason}) but was not ejected: ejection is enforced {Enforcing} % of the time.")]
        public static partial void EjectionNotEnforced(ILogger logger, string serviceName, string instanceId, string reason, int enforcing);

        [LoggerMessage(412, LogLevel.Warning, "Health of {ServiceName} reset: {Changed} instances lost their ejection, penalty, breaker state or multiplier.")]
        public static partial void HealthReset(ILogger logger, string serviceName, int changed);
    }
}
