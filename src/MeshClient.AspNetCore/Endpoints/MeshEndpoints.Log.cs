using Microsoft.Extensions.Logging;

namespace MeshClient.AspNetCore.Endpoints;

internal static partial class MeshEndpoints
{
    private static partial class Log
    {
        [LoggerMessage(1101, LogLevel.Error, "The mesh status contributor {Name} failed.")]
        public static partial void ContributorFailed(ILogger logger, string name, Exception exception);
    }
}
