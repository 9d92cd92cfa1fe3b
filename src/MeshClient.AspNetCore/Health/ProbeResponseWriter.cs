using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MeshClient.AspNetCore.Health;

/// <summary>
/// Writes a probe's JSON body: <c>status</c>, <c>totalDurationMs</c> and, per check sorted by name, <c>name</c>,
/// <c>status</c>, <c>durationMs</c> and <c>description</c>; with <c>?verbose</c> (when allowed) also <c>data</c>.
/// Exceptions are never written, descriptions and data are redacted.
/// </summary>
internal static class ProbeResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report, bool allowVerbose)
    {
        var verbose = allowVerbose && IsVerbose(context.Request.Query);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store, no-cache";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(json, report, verbose);
        }

        return context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).AsTask();
    }

    internal static void Write(Utf8JsonWriter json, HealthReport report, bool verbose)
    {
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("totalDurationMs", Milliseconds(report.TotalDuration));
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteNumber("durationMs", Milliseconds(entry.Duration));
            json.WriteString("description", entry.Description is { } d ? ProbeRedaction.Redact(d) : null);
            if (verbose)
            {
                WriteData(json, entry.Data);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteData(Utf8JsonWriter json, IReadOnlyDictionary<string, object> data)
    {
        json.WriteStartObject("data");
        foreach (var (key, value) in data.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var text = ProbeRedaction.IsSecretKey(key) ? HealthProbeConstants.RedactedValue
                : ProbeRedaction.Redact(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
            json.WriteString(key, text);
        }

        json.WriteEndObject();
    }

    private static bool IsVerbose(IQueryCollection query)
        => query.TryGetValue(HealthProbeConstants.VerboseQuery, out var values)
            && (values.Count == 0 || string.IsNullOrEmpty(values[0]) || !string.Equals(values[0], "false", StringComparison.OrdinalIgnoreCase));

    private static double Milliseconds(TimeSpan duration) => Math.Round(duration.TotalMilliseconds, 3);
}
