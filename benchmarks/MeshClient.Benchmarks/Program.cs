using BenchmarkDotNet.Running;

namespace MeshClient.Benchmarks;

/// <summary>
/// Runs the benchmarks picked on the command line, for example <c>-- --filter '*Pick*' --job short</c>;
/// <c>-- --consul-propagation</c> runs <see cref="ConsulPropagationBenchmark"/> instead.
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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
