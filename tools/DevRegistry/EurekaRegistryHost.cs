using System.Net.Sockets;
using MeshClient.Testing.Eureka;
using Microsoft.Extensions.Logging;

namespace DevRegistry;

/// <summary>Serves the in-process Eureka registry on a fixed URL until stopped, logging every registration change.</summary>
internal static class EurekaRegistryHost
{
    public static readonly Uri DefaultUrl = new("http://127.0.0.1:8761");

    public static async Task<int> RunAsync(Uri url)
    {
        using var shutdown = new ShutdownSignal();
        using var loggerFactory = LoggerFactory.Create(static l => l
            .SetMinimumLevel(LogLevel.Information)
            .AddSimpleConsole(static o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            }));
        EurekaTestServer server;
        try
        {
            server = await EurekaTestServer.StartAsync(new EurekaTestServerOptions { Url = url, LoggerFactory = loggerFactory });
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or SocketException)
        {
            await Console.Error.WriteLineAsync($"DevRegistry: cannot serve Eureka on {url}: {ex.Message}");
            return ExitCodes.Failure;
        }

        await using (server)
        {
            await Console.Out.WriteLineAsync($"DevRegistry: Eureka registry at {server.BaseUrl} (Spring) and {server.NetflixBaseUrl} (Netflix). Ctrl-C to stop.");
            var signal = await shutdown.Received;
            await Console.Out.WriteLineAsync($"DevRegistry: {signal} received, stopping ({server.Instances.Count} instances registered).");
        }

        return ExitCodes.Success;
    }
}
