using Microsoft.Extensions.Logging;

namespace MeshClient.Recovery;

internal sealed partial class WebhookSender
{
    /// <summary>Webhook logs: the URL is shown without user info or query; the secret and header values never appear.</summary>
    internal static partial class Log
    {
        [LoggerMessage(2371, LogLevel.Debug, "Recovery {Action}: POST {Url} for policy {Policy}, rung {Rung}.")]
        public static partial void Sending(ILogger logger, string action, string url, string policy, int rung);

        [LoggerMessage(2372, LogLevel.Information, "Recovery {Action}: POST {Url} answered {StatusCode} after {Attempts} attempt(s).")]
        public static partial void Sent(ILogger logger, string action, string url, int statusCode, int attempts);

        [LoggerMessage(2373, LogLevel.Warning, "Recovery webhook attempt {Attempt} failed ({Outcome}); retrying in {Delay}.")]
        public static partial void Retrying(ILogger logger, int attempt, string outcome, TimeSpan delay);

        [LoggerMessage(2374, LogLevel.Error, "Recovery {Action}: POST {Url} failed ({Outcome}) after {Attempts} attempt(s).")]
        public static partial void Failed(ILogger logger, string action, string url, string outcome, int attempts);
    }
}
