namespace MeshClient.Eureka.Tests.Interop;

/// <summary>
/// Finds <c>node</c> on PATH and an installed npm package: in <c>MESH_NPM_DIR</c> (the <c>--prefix</c> folder where
/// <c>.ci/run</c> installed it), else in a <c>NODE_PATH</c> folder. Missing means skip, or fail under <c>MESH_REQUIRE_EXTERNAL_TOOLS=1</c>.
/// </summary>
internal sealed record NodeTooling(string NodePath, string ModulesPath)
{
    public const string NpmDirVariable = "MESH_NPM_DIR";

    /// <summary>Gets whether a missing tool fails the test instead of skipping it (set by <c>.ci/run</c>).</summary>
    public static bool Required => Environment.GetEnvironmentVariable("MESH_REQUIRE_EXTERNAL_TOOLS") == "1";

    /// <summary>Returns node and the package folder; skips the test when either is missing, or fails when they are required.</summary>
    public static NodeTooling FindOrSkip(string package)
    {
        var node = FindOnPath(OperatingSystem.IsWindows() ? "node.exe" : "node");
        var modules = ModulesFolder(package);
        var missing = node is null ? "node is not on PATH."
            : modules is null ? $"the npm package {package} was not found: install it with `npm install --prefix DIR {package}@VERSION` (.ci/run pins the version) and set {NpmDirVariable}=DIR."
            : null;
        if (missing is not null && Required)
        {
            throw new InvalidOperationException("MESH_REQUIRE_EXTERNAL_TOOLS=1 but " + missing);
        }

        Skip.If(missing is not null, missing);
        return new NodeTooling(node!, modules!);
    }

    private static string? FindOnPath(string fileName)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, fileName))
            .FirstOrDefault(File.Exists);

    /// <summary>The <c>node_modules</c> folder holding the package, to put on <c>NODE_PATH</c>.</summary>
    private static string? ModulesFolder(string package)
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(NpmDirVariable) is { Length: > 0 } prefix)
        {
            candidates.Add(Path.Combine(prefix, "node_modules"));
            candidates.Add(prefix);
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("NODE_PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        return candidates.FirstOrDefault(folder => File.Exists(Path.Combine(folder, package, "package.json")));
    }
}
