using Microsoft.Extensions.Logging;

namespace MeshClient.Eureka.Registration;

internal sealed partial class EurekaServiceRegistrar
{
    private static partial class Log
    {
        [LoggerMessage(1201, LogLevel.Information, "Cancelled the Eureka lease of {App}/{InstanceId}.")]
        public static partial void Cancelled(ILogger logger, string app, string instanceId);
    }
}
