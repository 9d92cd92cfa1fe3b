using System.Globalization;
using System.Text.Json;

namespace MeshClient.Eureka.Wire;

/// <summary>Tolerant reads of JSON values: numbers as strings, string booleans, nulls, single objects for arrays.</summary>
internal static class JsonValues
{
    public static JsonElement? Property(JsonElement obj, string name)
        => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    public static string? Text(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => value.Value.GetString(),
        JsonValueKind.Number => value.Value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static long Long(JsonElement? value, long fallback)
    {
        if (value is { ValueKind: JsonValueKind.Number } number && number.TryGetInt64(out var n))
        {
            return n;
        }

        return long.TryParse(Text(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;
    }

    public static bool Bool(JsonElement? value, bool fallback) => Text(value)?.Trim().ToUpperInvariant() switch
    {
        "TRUE" => true,
        "FALSE" => false,
        _ => fallback,
    };

    /// <summary>Enumerates an array, or a single object as a one-element list (the XStream-era and hand-written shapes).</summary>
    public static IEnumerable<JsonElement> Items(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.Array => value.Value.EnumerateArray().Where(static e => e.ValueKind == JsonValueKind.Object),
        JsonValueKind.Object => [value.Value],
        _ => [],
    };

    /// <summary>Reads a string map, skipping Jackson's <c>@class</c> marker (<c>java.util.Collections$EmptyMap</c>).</summary>
    public static IReadOnlyDictionary<string, string> Map(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } obj)
        {
            return EurekaInstance.EmptyMetadata;
        }

        Dictionary<string, string>? map = null;
        foreach (var property in obj.EnumerateObject())
        {
            if (property.Name != "@class")
            {
                (map ??= new(StringComparer.Ordinal))[property.Name] = Text(property.Value) ?? string.Empty;
            }
        }

        return map ?? EurekaInstance.EmptyMetadata;
    }
}
