using System.Text.Json;

namespace MeshClient.Nab.Scoring;

/// <summary>Reads NAB's <c>config/profiles.json</c>, keeping the file's profile order.</summary>
internal static class ProfilesReader
{
    public static IReadOnlyList<CostProfile> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var profiles = new List<CostProfile>();
        foreach (var profile in document.RootElement.EnumerateObject())
        {
            var matrix = profile.Value.GetProperty("CostMatrix");
            profiles.Add(new CostProfile(
                profile.Name,
                matrix.GetProperty("tpWeight").GetDouble(),
                matrix.GetProperty("fpWeight").GetDouble(),
                matrix.GetProperty("fnWeight").GetDouble()));
        }

        return profiles;
    }
}
