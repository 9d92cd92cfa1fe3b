using Microsoft.Extensions.Logging;

namespace MeshClient.AspNetCore.Registration;

internal sealed partial class ServerAddressResolver
{
    private static partial class Log
    {
        [LoggerMessage(1001, LogLevel.Debug, "Registration address {Address} detected from the server addresses {BoundAddresses}.")]
        public static partial void AddressDetected(ILogger logger, Uri address, string boundAddresses);

        [LoggerMessage(1002, LogLevel.Debug, "The server reports no bound addresses; Mesh:Registration:Host and Port decide the registered address.")]
        public static partial void NoServerAddresses(ILogger logger);
    }
}
