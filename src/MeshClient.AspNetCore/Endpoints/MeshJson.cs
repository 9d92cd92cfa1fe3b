using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeshClient.AspNetCore.Endpoints;

/// <summary>
/// The serialisation settings of the endpoints. Quotes, <c>&lt;</c>, <c>&amp;</c> and non-ASCII letters are not escaped, so
/// that documents read well with <c>curl</c>: they are served as <c>application/json</c> only, never embedded in HTML.
/// </summary>
internal static class MeshJson
{
    /// <summary>Gets the context for the endpoints' own documents (<see cref="MeshJsonContext"/> with readable escaping).</summary>
    public static MeshJsonContext Context { get; } = new(new JsonSerializerOptions(MeshJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Gets the options for contributors' documents, whose types are not known here: camelCase, enums by name, UTC times.</summary>
    public static JsonSerializerOptions ContributorOptions { get; } = CreateContributorOptions();

    private static JsonSerializerOptions CreateContributorOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
