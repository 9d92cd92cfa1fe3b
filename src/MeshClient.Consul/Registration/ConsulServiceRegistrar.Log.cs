using Microsoft.Extensions.Logging;

namespace MeshClient.Consul.Registration;

internal sealed partial class ConsulServiceRegistrar
{
    private static partial class Log
    {
        [LoggerMessage(2201, LogLevel.Warning, "The Consul agent forgot the check {CheckId} of {ServiceId}; registering again.")]
        public static partial void CheckForgotten(ILogger logger, string checkId, string serviceId);

        [LoggerMessage(2202, LogLevel.Information, "Deregistered {ServiceId} from the Consul agent.")]
        public static partial void Deregistered(ILogger logger, string serviceId);
    }
}
