using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using MeshDemo.Anomalies;
using MeshDemo.Registries;
using MeshDemo.Scenarios;

namespace MeshDemo;

/// <summary>The command line of the demo: <c>--name value</c> or <c>--name=value</c>; see <see cref="HelpText"/>.</summary>
internal sealed record DemoOptions
{
    public const int MaxRequests = 1_000_000;
    public const int MaxConcurrency = 1024;

    public string Scenario { get; init; } = ScenarioRegistry.DefaultScenario;

    /// <summary>Gets the one balancer to run (its canonical name), or <see langword="null"/> for all of them.</summary>
    public string? Balancer { get; init; }

    public int Requests { get; init; } = 3000;

    public int Concurrency { get; init; } = 16;

    public string Registry { get; init; } = DemoRegistries.Default;

    /// <summary>Gets the longest one run may take; a run cut short reports the requests it completed.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    public bool Json { get; init; }

    /// <summary>Gets the healthy buckets of the anomaly phase before its fault (<c>--anomaly-warmup</c>).</summary>
    public int AnomalyWarmupBuckets { get; init; } = AnomalyPhase.DefaultHealthyBuckets;

    /// <summary>Gets the steady load of the anomaly phase, in requests per second (<c>--anomaly-rps</c>).</summary>
    public int AnomalyRequestsPerSecond { get; init; } = AnomalyPhase.DefaultRequestsPerSecond;

    /// <summary>
    /// Gets the balancer of the anomaly phase (<c>--anomaly-balancer</c>), RoundRobin by default: the phase measures the
    /// detectors, and PeakEwma (the default balancer) gives a slow instance so little traffic that its latency is seen
    /// through rare probes only.
    /// </summary>
    public string AnomalyBalancer { get; init; } = AnomalyPhase.DefaultBalancer;

    /// <summary>Gets whether <c>fail-one</c> and <c>slow-one</c> skip their anomaly phase (<c>--no-anomalies</c>).</summary>
    public bool SkipAnomalies { get; init; }

    public bool Help { get; init; }

    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out DemoOptions? options, [NotNullWhen(false)] out string? error)
    {
        options = new DemoOptions();
        error = null;
        for (var i = 0; i < args.Count && error is null; i++)
        {
            var (name, inline) = Split(args[i]);
            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : string.Empty);
            options = name switch
            {
                "--help" or "-h" or "-?" => options with { Help = true },
                "--json" => options with { Json = true },
                "--anomaly-rps" => options with { AnomalyRequestsPerSecond = ParseInt(name, Value(), 100_000, ref error) },
                "--no-anomalies" => options with { SkipAnomalies = true },
                "--anomaly-warmup" => options with { AnomalyWarmupBuckets = ParseInt(name, Value(), 3600, ref error) },
                "--scenario" => options with { Scenario = Value() },
                "--balancer" => ParseBalancer(Value(), options, ref error),
                "--anomaly-balancer" => ParseBalancer(Value(), options, ref error, anomalyPhase: true),
                "--registry" => ParseRegistry(Value(), options, ref error),
                "--requests" => options with { Requests = ParseInt(name, Value(), MaxRequests, ref error) },
                "--concurrency" => options with { Concurrency = ParseInt(name, Value(), MaxConcurrency, ref error) },
                "--time-limit" => options with { TimeLimit = TimeSpan.FromSeconds(ParseInt(name, Value(), 3600, ref error)) },
                _ => Fail(options, $"unknown option '{args[i]}'.", ref error),
            };
        }

        if (error is not null)
        {
            options = null;
            return false;
        }

        return true;
    }

    public static string HelpText(ScenarioRegistry scenarios)
    {
        var text = new StringBuilder();
        text.AppendLine("MeshDemo: MeshClient's data plane in one process, no external server.");
        text.AppendLine("Starts an embedded registry and instances of a 'ratings' service on 127.0.0.1, then sends a bounded load");
        text.AppendLine("through AddMeshClient + AddHttpClient(...).AddMeshHandler() and reports, per run, the requests each");
        text.AppendLine("instance received, the success rate and p50/p99 latency.");
        text.AppendLine();
        text.AppendLine("Usage: dotnet run --project samples/MeshDemo -- [options]");
        text.AppendLine();
        text.AppendLine("Options:");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --scenario NAME     the scenario to run (default {ScenarioRegistry.DefaultScenario}), or '{ScenarioRegistry.AllScenarios}' for every one in turn");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --balancer NAME     run one balancer only: {string.Join(", ", BalancersScenario.Balancers)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"                      (the fault scenarios run MeshClient's default, {DefaultBalancer.Name}, without it)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --requests N        requests per run (default 3000, at most {MaxRequests:N0})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --concurrency N     requests in flight at once (default 16, at most {MaxConcurrency})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --registry NAME     the registry the instances join: {string.Join(", ", DemoRegistries.Names)} (default {DemoRegistries.Default})");
        text.AppendLine("  --time-limit S      the longest one run may take, in seconds (default 10)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --anomaly-warmup N  healthy 1 s buckets before the fault of the anomaly phase of fail-one and slow-one (default {AnomalyPhase.DefaultHealthyBuckets})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --anomaly-rps N     the steady load of that phase, requests per second (default {AnomalyPhase.DefaultRequestsPerSecond})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --anomaly-balancer NAME  the balancer of that phase (default {AnomalyPhase.DefaultBalancer}: even load, so the detectors");
        text.AppendLine("                      see every instance; under PeakEwma a slow instance gets about 0.2 % of the requests)");
        text.AppendLine("  --no-anomalies      skip that anomaly phase (about a minute each)");
        text.AppendLine("  --json              one JSON object per run and line instead of tables:");
        text.AppendLine("                      {\"scenario\",\"balancer\",\"requests\",\"successRate\",\"p50Ms\",\"p99Ms\",\"perInstance\",");
        text.AppendLine("                       \"retries\",\"hedges\",\"ejections\",\"firstEjectionMs\",\"serverRequests\",\"default\"}");
        text.AppendLine("                      plus \"anomalyCheck\" and \"anomalies\" after an anomaly phase; the URLs the process");
        text.AppendLine("                      serves go to stderr as {\"kind\":\"endpoints\",...}");
        text.AppendLine("  --help, -h          this text");
        text.AppendLine();
        text.AppendLine("Scenarios:");
        foreach (var scenario in scenarios.All)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {scenario.Name,-19} {scenario.Description}");
        }

        text.AppendLine();
        text.AppendLine("Exit code: 0 when every scenario ran (the numbers are reported, not judged: all-down legitimately has ~0 % success),");
        text.AppendLine("1 when a scenario failed (an exception, no request succeeded in a scenario other than all-down, or the self-heal");
        text.AppendLine("journal lacks detection -> ejection -> drain -> restart -> recovery),");
        text.AppendLine("2 on a bad command line, 3 when every scenario ran but the anomaly target of fail-one or slow-one was missed,");
        text.AppendLine("130 on Ctrl+C.");
        return text.ToString();
    }

    private static (string Name, string? Inline) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 2 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static DemoOptions ParseBalancer(string value, DemoOptions options, ref string? error, bool anomalyPhase = false)
    {
        var known = BalancersScenario.Balancers.FirstOrDefault(b => string.Equals(b, value, StringComparison.OrdinalIgnoreCase));
        var name = anomalyPhase ? "--anomaly-balancer" : "--balancer";
        return known is null
            ? Fail(options, $"{name}: '{value}' is not a balancer (known: {string.Join(", ", BalancersScenario.Balancers)}).", ref error)
            : anomalyPhase ? options with { AnomalyBalancer = known } : options with { Balancer = known };
    }

    private static DemoOptions ParseRegistry(string value, DemoOptions options, ref string? error)
        => DemoRegistries.Names.Contains(value, StringComparer.OrdinalIgnoreCase)
            ? options with { Registry = value.ToLowerInvariant() }
            : Fail(options, $"--registry: '{value}' is not a registry (known: {string.Join(", ", DemoRegistries.Names)}).", ref error);

    private static int ParseInt(string name, string value, int max, ref string? error)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max)
        {
            return number;
        }

        error ??= $"{name}: '{value}' is not a whole number from 1 to {max}.";
        return 1;
    }

    private static DemoOptions Fail(DemoOptions options, string message, ref string? error)
    {
        error ??= message;
        return options;
    }
}
