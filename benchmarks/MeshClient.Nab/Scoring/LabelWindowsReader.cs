using System.Text.Json;

namespace MeshClient.Nab.Scoring;

/// <summary>Reads <c>labels/combined_windows.json</c>: <c>"category/file.csv"</c> to its list of <c>[start, end]</c>.</summary>
internal static class LabelWindowsReader
{
    public static IReadOnlyDictionary<string, IReadOnlyList<LabelWindow>> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var windows = new Dictionary<string, IReadOnlyList<LabelWindow>>(StringComparer.Ordinal);
        foreach (var file in document.RootElement.EnumerateObject())
        {
            var list = new List<LabelWindow>();
            foreach (var pair in file.Value.EnumerateArray())
            {
                list.Add(new LabelWindow(
                    NabTimestamp.Parse(pair[0].GetString()!),
                    NabTimestamp.Parse(pair[1].GetString()!)));
            }

            list.Sort((a, b) => a.Start.CompareTo(b.Start));
            windows[file.Name] = list;
        }

        return windows;
    }
}
