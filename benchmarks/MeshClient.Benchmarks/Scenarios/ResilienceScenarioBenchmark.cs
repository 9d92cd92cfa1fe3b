using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace MeshClient.Benchmarks.Scenarios;

/// <summary>
/// Not a BenchmarkDotNet benchmark (<c>-- --scenarios [--requests N] [--concurrency N] [--time-limit S] [--cases a,b]</c>):
/// the resilience scenarios of the Resilience issue. Five loopback Kestrel instances answer after a fixed 5 ms; the
/// cases are <c>healthy</c>, <c>fail-one</c> (one answers 503), <c>slow-one</c> (one answers after 50 ms) and
/// <c>crash-one</c> (one stops listening halfway through the run), each against the stacks of <see cref="ScenarioStacks"/>.
/// Every case and stack gets fresh instances and a fresh container; the client is warmed up (healthy) before the fault
/// is armed and the servers' counters are reset. Prints a Markdown table: success rate, p50, p99 and mean of all completed
/// requests (failed ones included), the requests the servers received per completed client request, the share of them
/// the faulty instance (the fifth) received, and the failures by kind.
/// </summary>
internal static class ResilienceScenarioBenchmark
{
    public const string Switch = "--scenarios";

    private const int InstanceCount = 5;
    private const int WarmUpPerWorker = 4;

    private static readonly string[] AllCases = ["healthy", "fail-one", "slow-one", "crash-one"];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var requests = IntArg(args, "--requests", 20_000);
        var concurrency = IntArg(args, "--concurrency", 32);
        var timeLimit = TimeSpan.FromSeconds(IntArg(args, "--time-limit", 120));
        var cases = StringArg(args, "--cases")?.Split(',') ?? AllCases;
        if (requests < 1 || concurrency < 1 || cases.Any(c => !AllCases.Contains(c)))
        {
            await Console.Error.WriteLineAsync($"usage: --scenarios [--requests N] [--concurrency N] [--time-limit seconds] [--cases {string.Join(',', AllCases)}]").ConfigureAwait(false);
            return 2;
        }

        await output.WriteLineAsync(Invariant($"Resilience scenarios: {InstanceCount} instances on 127.0.0.1, {ScenarioInstance.ServiceTime.TotalMilliseconds:0} ms service time; {requests:N0} requests at concurrency {concurrency} per case (limit {timeLimit.TotalSeconds:0} s); load average at start: {LoadAverage()}")).ConfigureAwait(false);
        var rows = new List<(string Case, int Stack, ScenarioLoadResult Result, double ServedPerRequest, double FaultyShare)>();
        foreach (var name in cases)
        {
            for (var stack = 0; stack < ScenarioStacks.Names.Length; stack++)
            {
                var (result, served, faultyShare) = await RunCaseAsync(name, stack, requests, concurrency, timeLimit).ConfigureAwait(false);
                rows.Add((name, stack, result, served, faultyShare));
                await Console.Error.WriteLineAsync(Invariant($"{name,-10} {ScenarioStacks.Names[stack],-40} {result.Completed,6} done in {result.Elapsed.TotalSeconds,6:0.0} s, success {Percent(result)}, p50 {result.P50:0.0} ms, p99 {result.P99:0.0} ms, load {LoadAverage()}")).ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("| case | stack | requests | success | p50 ms | p99 ms | mean ms | server requests per request | share of the faulty instance | failures: status / connection / Polly rejected / canceled | time s |").ConfigureAwait(false);
        await output.WriteLineAsync("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|").ConfigureAwait(false);
        foreach (var (name, stack, r, served, share) in rows)
        {
            var f = r.Failures;
            await output.WriteLineAsync(Invariant($"| {name} | {ScenarioStacks.Names[stack]} | {r.Completed:N0} | {Percent(r)} | {r.P50:0.0} | {r.P99:0.0} | {r.Mean:0.0} | {served:0.000} | {100 * share:0.0} % | {f.Status:N0} / {f.Connection:N0} / {f.Rejected:N0} / {f.Canceled:N0} | {r.Elapsed.TotalSeconds:0.0} |")).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"load average at end: {LoadAverage()}")).ConfigureAwait(false);
        return 0;
    }

    private static async Task<(ScenarioLoadResult Result, double ServedPerRequest, double FaultyShare)> RunCaseAsync(string name, int stack, int requests, int concurrency, TimeSpan timeLimit)
    {
        var instances = new List<ScenarioInstance>(InstanceCount);
        try
        {
            for (var i = 0; i < InstanceCount; i++)
            {
                instances.Add(await ScenarioInstance.StartAsync(CancellationToken.None).ConfigureAwait(false));
            }

            await using var services = ScenarioStacks.Build(stack, [.. instances.Select(i => i.Authority)]);
            using var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("client");
            var warmUpCount = Math.Min(requests, WarmUpPerWorker * concurrency);
            var warmUp = await ScenarioLoad.RunAsync(client, warmUpCount, concurrency, timeLimit).ConfigureAwait(false);
            if (warmUp.Succeeded != warmUpCount || instances.Any(i => i.Served == 0))
            {
                throw new InvalidOperationException(Invariant($"{name}, {ScenarioStacks.Names[stack]}: the warm-up had {warmUp.Succeeded} of {warmUpCount} successes; served {string.Join(", ", instances.Select(i => i.Served))}."));
            }

            foreach (var instance in instances)
            {
                instance.ResetServed();
            }

            var faulty = instances[^1];
            var at = -1;
            Action? action = null;
            switch (name)
            {
                case "fail-one":
                    faulty.Fault = ScenarioFault.Failing;
                    break;
                case "slow-one":
                    faulty.Fault = ScenarioFault.Slow;
                    break;
                case "crash-one":
                    at = requests / 2;
                    action = faulty.StopListening;
                    break;
            }

            var result = await ScenarioLoad.RunAsync(client, requests, concurrency, timeLimit, at, action).ConfigureAwait(false);
            var served = instances.Sum(i => i.Served);
            return (result, result.Completed == 0 ? double.NaN : (double)served / result.Completed, served == 0 ? double.NaN : (double)faulty.Served / served);
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static string Percent(ScenarioLoadResult r)
        => r.Completed == 0 ? "-" : Invariant($"{100.0 * r.Succeeded / r.Completed:0.00} %");

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static int IntArg(string[] args, string name, int fallback)
        => StringArg(args, name) is { } value && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;

    private static string? StringArg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
