using BenchmarkDotNet.Running;
using MeshClient.Benchmarks.Scenarios;

namespace MeshClient.Benchmarks;

/// <summary>
/// Runs the benchmarks picked on the command line, for example <c>-- --filter '*Pick*' --job short</c>;
/// <c>-- --consul-propagation</c> runs <see cref="ConsulPropagationBenchmark"/> instead, <c>-- --scenarios</c> <see cref="ResilienceScenarioBenchmark"/>,
/// <c>-- --detector-memory</c> <see cref="DetectorMemory"/>.
/// </summary>
internal static class Program
{
    public static async Task Main(string[] args)
    {
        if (args.Contains(ConsulPropagationBenchmark.Switch))
        {
            Environment.ExitCode = await ConsulPropagationBenchmark.RunAsync(Console.Out);
            return;
        }

        if (args.Contains(ResilienceScenarioBenchmark.Switch))
        {
            Environment.ExitCode = await ResilienceScenarioBenchmark.RunAsync(args, Console.Out);
            return;
        }

        if (args.Contains(DetectorMemory.Switch))
        {
            Environment.ExitCode = await DetectorMemory.RunAsync(Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
