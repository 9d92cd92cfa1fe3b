using MeshClient.Nab.Running;

namespace MeshClient.Nab.Cli;

/// <summary><c>run --data &lt;dir&gt; --out &lt;dir&gt; [--detector NAME]</c>: writes NAB results for one detector.</summary>
internal static class RunCommand
{
    public static int Execute(CommandLine line, TextWriter output)
    {
        line.EnsureOnly("data", "out", "detector");
        var detector = line.Optional("detector") ?? DetectorCatalog.Default;
        var files = DetectorRunner.Run(line.Required("data"), line.Required("out"), detector, DetectorCatalog.Get(detector));
        output.WriteLine($"{detector}: {files} files written under {Path.Combine(line.Required("out"), detector)}");
        return 0;
    }
}
