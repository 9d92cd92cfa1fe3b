using System.Text.Json;

namespace MeshClient.Nab.Scoring;

/// <summary>Reads NAB's <c>config/thresholds.json</c>: detector, then profile, then <c>threshold</c>.</summary>
internal static class PublishedThresholdsReader
{
    public static IReadOnlyDictionary<string, double> Read(string path, string detector)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty(detector, out var profiles))
        {
            throw new InvalidDataException($"{path} has no thresholds for detector '{detector}'.");
        }

        var thresholds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var profile in profiles.EnumerateObject())
        {
            thresholds[profile.Name] = profile.Value.GetProperty("threshold").GetDouble();
        }

        return thresholds;
    }
}
