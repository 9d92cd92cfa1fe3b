using BenchmarkDotNet.Running;

namespace MeshClient.Benchmarks;

/// <summary>Runs the benchmarks picked on the command line, for example <c>-- --filter '*Pick*' --job short</c>.</summary>
internal static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
