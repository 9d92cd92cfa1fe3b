using System.Text.Json;

namespace MeshClient.Testing.Consul;

/// <summary>
/// Reads register bodies as the agent does: keys matched case-insensitively, snake_case accepted
/// (<c>deregister_critical_service_after</c>), durations as Go strings; invalid bodies answer Consul's 400 reasons.
/// </summary>
internal static class ConsulAgentBodyReader
{
    public static JsonElement Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new ConsulAgentRejection(400, "Request decode failed: expected a JSON object");
        }
        catch (JsonException ex)
        {
            throw new ConsulAgentRejection(400, "Request decode failed: " + ex.Message);
        }
    }

    /// <summary>Finds a property by any casing, with or without underscores.</summary>
    public static JsonElement? Get(JsonElement obj, params string[] names)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in obj.EnumerateObject())
        {
            var key = property.Name.Replace("_", string.Empty, StringComparison.Ordinal);
            if (names.Any(n => string.Equals(n, key, StringComparison.OrdinalIgnoreCase)) && property.Value.ValueKind != JsonValueKind.Null)
            {
                return property.Value;
            }
        }

        return null;
    }

    public static string? String(JsonElement obj, params string[] names)
        => Get(obj, names) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static int? Int(JsonElement obj, params string[] names)
        => Get(obj, names) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var n) ? n : null;

    public static TimeSpan? Duration(JsonElement obj, params string[] names)
    {
        try
        {
            return ConsulAgentDuration.Parse(String(obj, names));
        }
        catch (FormatException ex)
        {
            throw new ConsulAgentRejection(400, "Request decode failed: " + ex.Message);
        }
    }

    public static List<string> Strings(JsonElement obj, params string[] names)
        => Get(obj, names) is { ValueKind: JsonValueKind.Array } array
            ? [.. array.EnumerateArray().Where(static e => e.ValueKind == JsonValueKind.String).Select(static e => e.GetString()!)]
            : [];

    public static Dictionary<string, string> Map(JsonElement obj, params string[] names)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Get(obj, names) is { ValueKind: JsonValueKind.Object } value)
        {
            foreach (var property in value.EnumerateObject())
            {
                map[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        return map;
    }
}
