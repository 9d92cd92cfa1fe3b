using System.Runtime.CompilerServices;

namespace MeshClient.Anomaly.Tests.Nab;

/// <summary>
/// Finds the shared NAB folder (<c>shared/data/nab</c>): <c>MESH_SHARED_DIR</c> first (CI sets it to the shared folder
/// beside the clone), then <c>../shared</c> beside the repository root, then <c>/work/shared</c>.
/// </summary>
internal static class SharedData
{
    public static string? NabFolder(string? environment = null, [CallerFilePath] string sourceFile = "")
    {
        environment ??= Environment.GetEnvironmentVariable("MESH_SHARED_DIR");
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(environment))
        {
            candidates.Add(environment);
        }

        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            if (RepositoryRoot(start) is { } root)
            {
                candidates.Add(Path.Combine(root, "..", "shared"));
            }
        }

        candidates.Add("/work/shared");
        return candidates
            .Select(static shared => Path.GetFullPath(Path.Combine(shared, "data", "nab")))
            .FirstOrDefault(static nab => Directory.Exists(Path.Combine(nab, "results", "numenta")));
    }

    /// <summary>True when <c>MESH_REQUIRE_EXTERNAL_TOOLS=1</c>: a missing prerequisite fails instead of skipping.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("MESH_REQUIRE_EXTERNAL_TOOLS") == "1";

    private static string? RepositoryRoot(string? start)
    {
        for (var directory = start; !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "Resilience.sln")))
            {
                return directory;
            }
        }

        return null;
    }
}
