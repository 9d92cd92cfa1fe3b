using MeshClient.Anomaly;

namespace MeshClient.Nab.Running;

/// <summary>The detectors the runner knows, by results-folder name; each call creates a fresh instance for one file.</summary>
internal static class DetectorCatalog
{
    public const string Default = "meshEnsemble";

    private static readonly Dictionary<string, Func<IAnomalyDetector>> Factories = new(StringComparer.Ordinal)
    {
        ["meshEnsemble"] = static () => AnomalyDetectors.CreateDefault(),
        ["meshLikelihood"] = static () => AnomalyDetectors.CreateLikelihood(),
        ["meshEwmaZScore"] = static () => AnomalyDetectors.CreateEwmaZScore(),
        ["meshRules"] = static () => AnomalyDetectors.CreateRules(),
        ["meshMedianMad"] = static () => AnomalyDetectors.CreateMedianMad(),
        ["meshCusum"] = static () => AnomalyDetectors.CreateCusum(),
        ["meshPageHinkley"] = static () => AnomalyDetectors.CreatePageHinkley(),
        ["meshSeasonal"] = static () => AnomalyDetectors.CreateSeasonal(),
        ["meshIsolationForest"] = static () => AnomalyDetectors.CreateIsolationForest(),
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    public static Func<IAnomalyDetector> Get(string name) =>
        Factories.TryGetValue(name, out var factory)
            ? factory
            : throw new ArgumentException($"Unknown detector '{name}'. Known: {string.Join(", ", Factories.Keys)}.", nameof(name));
}
