using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace DevRegistry;

/// <summary>What every mode shares: start the registry with console logging, serve until Ctrl-C or SIGTERM, then stop it.</summary>
internal static class RegistryHost
{
    /// <summary>Runs a registry until a shutdown signal.</summary>
    /// <param name="kind">The registry, for messages (<c>Eureka</c>, <c>Consul</c>).</param>
    /// <param name="url">Where it listens.</param>
    /// <param name="start">Starts it with the console logger factory.</param>
    /// <param name="serving">The line written once it serves, before "Ctrl-C to stop.".</param>
    /// <param name="holds">What it holds when stopped, for example <c>3 instances registered</c>.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync<TRegistry>(
        string kind, Uri url, Func<ILoggerFactory, Task<TRegistry>> start, Func<TRegistry, string> serving, Func<TRegistry, string> holds)
        where TRegistry : IAsyncDisposable
    {
        using var shutdown = new ShutdownSignal();
        using var loggerFactory = LoggerFactory.Create(static l => l
            .SetMinimumLevel(LogLevel.Information)
            .AddSimpleConsole(static o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            }));
        TRegistry registry;
        try
        {
            registry = await start(loggerFactory);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or SocketException)
        {
            await Console.Error.WriteLineAsync($"DevRegistry: cannot serve {kind} on {url}: {ex.Message}");
            return ExitCodes.Failure;
        }

        await using (registry)
        {
            await Console.Out.WriteLineAsync($"DevRegistry: {serving(registry)} Ctrl-C to stop.");
            var signal = await shutdown.Received;
            await Console.Out.WriteLineAsync($"DevRegistry: {signal} received, stopping ({holds(registry)}).");
        }

        return ExitCodes.Success;
    }
}
