using System.Diagnostics.CodeAnalysis;

namespace DevRegistry;

/// <summary>The command line: <c>eureka|consul [--urls URL]</c> or <c>--help</c>; <c>--urls=URL</c> also works.</summary>
internal sealed record DevRegistryCommand
{
    public const string EurekaMode = "eureka";

    public const string ConsulMode = "consul";

    public const string Usage = "usage: DevRegistry eureka|consul [--urls http://127.0.0.1:PORT] | --help";

    public const string HelpText = """
        DevRegistry: a development service registry on your machine, like `consul agent -dev`.

        Usage: dotnet run --project tools/DevRegistry -- MODE [--urls URL]

        Modes:
          eureka     a Eureka-compatible registry (MeshClient.Testing's EurekaTestServer) under /eureka/ (Spring)
                     and /eureka/v2/ (Netflix); default URL http://127.0.0.1:8761
          consul     a Consul-compatible agent (MeshClient.Testing's ConsulTestAgent): the HTTP API under /v1/ with
                     service and check registration, TTL and HTTP checks, maintenance, blocking queries;
                     default URL http://127.0.0.1:8500

        Options:
          --urls URL   where to listen: http:// with an IP address or localhost and a port (0 picks a free one)
          --help, -h   this text

        It serves until Ctrl-C or SIGTERM and logs one line per registration change: eureka logs register, cancel,
        status override, metadata update, eviction; consul logs service and check (de)registration, check state
        changes, maintenance and reaping. Leases and TTL checks expire as on a real server: instances must renew.
        Exit code: 0 when stopped, 1 when the registry cannot start, 2 on a bad command line.
        """;

    public string Mode { get; init; } = string.Empty;

    public Uri? Url { get; init; }

    public bool Help { get; init; }

    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out DevRegistryCommand? command, [NotNullWhen(false)] out string? error)
    {
        command = null;
        error = null;
        var parsed = new DevRegistryCommand();
        for (var i = 0; i < args.Count && error is null; i++)
        {
            var arg = args[i];
            var inline = arg.StartsWith("--urls=", StringComparison.Ordinal) ? arg["--urls=".Length..] : null;
            switch (inline is null ? arg : "--urls")
            {
                case "--help" or "-h" or "-?":
                    parsed = parsed with { Help = true };
                    break;
                case "--urls":
                    var value = inline ?? (i + 1 < args.Count ? args[++i] : string.Empty);
                    parsed = Uri.TryCreate(value, UriKind.Absolute, out var url)
                        ? parsed with { Url = url }
                        : Fail(parsed, $"--urls: '{value}' is not an absolute URL (for example http://127.0.0.1:8761).", ref error);
                    break;
                case EurekaMode or ConsulMode when parsed.Mode.Length == 0:
                    parsed = parsed with { Mode = arg };
                    break;
                default:
                    parsed = Fail(parsed, $"unexpected argument '{arg}'.", ref error);
                    break;
            }
        }

        if (error is null && !parsed.Help && parsed.Mode.Length == 0)
        {
            error = "name a mode: eureka or consul.";
        }

        command = error is null ? parsed : null;
        return error is null;
    }

    private static DevRegistryCommand Fail(DevRegistryCommand command, string message, ref string? error)
    {
        error ??= message;
        return command;
    }
}
