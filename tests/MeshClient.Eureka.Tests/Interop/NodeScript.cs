using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MeshClient.Eureka.Tests.Interop;

/// <summary>
/// A node script from <c>Interop/node/</c>, started with <c>NODE_PATH</c> set: reads its JSON-lines events from stdout,
/// keeps stderr for failure messages, asks it to stop through stdin, and kills it (whole tree) when disposed.
/// </summary>
internal sealed class NodeScript : IAsyncDisposable
{
    /// <summary>How long one event or the exit may take before the test fails.</summary>
    public static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly List<JsonElement> _events = [];
    private readonly StringBuilder _stderr = new();

    private NodeScript(Process process) => _process = process;

    /// <summary>Gets the script's stderr so far (the client's own log lines), for failure messages.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static NodeScript Start(NodeTooling node, string scriptName, params object[] args)
    {
        var start = new ProcessStartInfo(node.NodePath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Interop", "node", scriptName));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(Convert.ToString(arg, CultureInfo.InvariantCulture)!);
        }

        start.Environment["NODE_PATH"] = node.ModulesPath;
        var process = new Process { StartInfo = start };
        var script = new NodeScript(process);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (script._stderr)
            {
                script._stderr.AppendLine(e.Data);
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        return script;
    }

    /// <summary>Returns the first event named <paramref name="name"/>, reading stdout until it comes (bounded by <see cref="EventTimeout"/>).</summary>
    public async Task<JsonElement> WaitForEventAsync(string name)
    {
        using var timeout = new CancellationTokenSource(EventTimeout, TimeProvider.System);
        while (true)
        {
            if (_events.Find(e => e.GetProperty("event").GetString() == name) is { ValueKind: JsonValueKind.Object } found)
            {
                return found;
            }

            string? line;
            try
            {
                line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No '{name}' event from node within {EventTimeout}. Events: {Events}. Stderr: {Stderr}");
            }

            if (line is null)
            {
                throw new InvalidOperationException($"node ended before a '{name}' event. Events: {Events}. Stderr: {Stderr}");
            }

            using var document = JsonDocument.Parse(line);
            var e = document.RootElement.Clone();
            if (e.GetProperty("event").GetString() == "error")
            {
                throw new InvalidOperationException($"node reported: {e.GetProperty("message").GetString()}. Stderr: {Stderr}");
            }

            _events.Add(e);
        }
    }

    /// <summary>Writes <c>stop</c>, waits for the <c>deregistered</c> event and the exit, and returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _process.StandardInput.WriteLineAsync("stop");
        await _process.StandardInput.FlushAsync();
        await WaitForEventAsync("deregistered");
        await _process.WaitForExitAsync().WaitAsync(EventTimeout);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(EventTimeout);
        }

        _process.Dispose();
    }

    private string Events => string.Join(" ", _events.Select(static e => e.GetRawText()));
}
