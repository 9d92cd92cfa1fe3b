namespace MeshClient.Nab.Results;

/// <summary>
/// NAB's folder conventions: data at <c>&lt;data&gt;/&lt;category&gt;/&lt;file&gt;.csv</c>, results at
/// <c>&lt;results&gt;/&lt;detector&gt;/&lt;category&gt;/&lt;detector&gt;_&lt;file&gt;.csv</c>, labels keyed by
/// <c>&lt;category&gt;/&lt;file&gt;.csv</c>.
/// </summary>
internal static class ResultsLayout
{
    public static IReadOnlyList<string> DataKeys(string dataRoot) =>
        Directory.EnumerateDirectories(dataRoot)
            .SelectMany(static category => Directory.EnumerateFiles(category, "*.csv"))
            .Select(file => Path.GetRelativePath(dataRoot, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string ResultPath(string resultsRoot, string detector, string key)
    {
        var category = Path.GetDirectoryName(key)!;
        return Path.Combine(resultsRoot, detector, category, $"{detector}_{Path.GetFileName(key)}");
    }

    public static IReadOnlyList<string> Detectors(string resultsRoot) =>
        Directory.EnumerateDirectories(resultsRoot).Select(static dir => Path.GetFileName(dir)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The results files of one detector, as (label key, path), skipping NAB's <c>*_scores.csv</c> summaries.</summary>
    public static IReadOnlyList<(string Key, string Path)> ResultFiles(string resultsRoot, string detector)
    {
        var root = Path.Combine(resultsRoot, detector);
        var prefix = detector + "_";
        return Directory.EnumerateDirectories(root)
            .SelectMany(static category => Directory.EnumerateFiles(category, "*.csv"))
            .Where(file => Path.GetFileName(file).StartsWith(prefix, StringComparison.Ordinal))
            .Where(static file => !file.EndsWith("_scores.csv", StringComparison.Ordinal))
            .Select(file => (Key: $"{Path.GetFileName(Path.GetDirectoryName(file))}/{Path.GetFileName(file)[prefix.Length..]}", Path: file))
            .OrderBy(static pair => pair.Key, StringComparer.Ordinal)
            .ToList();
    }
}
