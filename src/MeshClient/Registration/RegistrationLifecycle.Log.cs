using MeshClient.Discovery;
using Microsoft.Extensions.Logging;

namespace MeshClient.Registration;

internal sealed partial class RegistrationLifecycle
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Registered {ServiceName}/{InstanceId} at {Address} with {Registry}.")]
        public static partial void Registered(ILogger logger, string serviceName, string instanceId, string address, string registry);

        [LoggerMessage(2, LogLevel.Warning, "The registry no longer knows {ServiceName}/{InstanceId}; registering again.")]
        public static partial void RenewRejected(ILogger logger, string serviceName, string instanceId);

        [LoggerMessage(3, LogLevel.Warning, "Registry call for {ServiceName}/{InstanceId} failed: {Reason}. Retrying in {Delay}.")]
        public static partial void RegistryCallFailed(ILogger logger, string serviceName, string instanceId, string reason, TimeSpan delay);

        [LoggerMessage(4, LogLevel.Information, "Pushed status {Status} for {ServiceName}/{InstanceId}.")]
        public static partial void StatusPushed(ILogger logger, string serviceName, string instanceId, InstanceStatus status);

        [LoggerMessage(5, LogLevel.Warning, "Deregistering {ServiceName}/{InstanceId} failed: {Reason}.")]
        public static partial void DeregisterFailed(ILogger logger, string serviceName, string instanceId, string reason);

        [LoggerMessage(6, LogLevel.Error, "Self-registration is on but cannot start: {Reason}")]
        public static partial void CannotRegister(ILogger logger, string reason);

        [LoggerMessage(7, LogLevel.Warning, "Self-registration is on but no registrar serves provider {Provider}; add the provider's package.")]
        public static partial void NoRegistrar(ILogger logger, string provider);
    }
}
