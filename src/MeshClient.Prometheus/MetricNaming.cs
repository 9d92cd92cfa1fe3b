using System.Diagnostics.Metrics;
using System.Text;

namespace MeshClient.Prometheus;

/// <summary>
/// Prometheus names from .NET instruments, as OpenTelemetry's Prometheus exporter: characters outside
/// <c>[a-zA-Z0-9_]</c> become <c>_</c>, the unit is a suffix (<c>s</c> → <c>_seconds</c>, <c>ms</c> → <c>_milliseconds</c>,
/// <c>By</c> → <c>_bytes</c>; annotations such as <c>{request}</c> add none) and counters end in <c>_total</c>.
/// </summary>
internal static class MetricNaming
{
    public static string MetricName(Instrument instrument, bool isCounter)
    {
        var name = Sanitize(instrument.Name);
        var unit = instrument.Unit switch
        {
            "s" => "_seconds",
            "ms" => "_milliseconds",
            "By" => "_bytes",
            _ => string.Empty,
        };
        if (unit.Length > 0 && !name.EndsWith(unit, StringComparison.Ordinal))
        {
            name += unit;
        }

        if (isCounter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }

        return name;
    }

    public static string LabelName(string tagKey) => Sanitize(tagKey);

    public static string Help(Instrument instrument)
        => string.IsNullOrWhiteSpace(instrument.Description) ? instrument.Name : instrument.Description;

    private static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? char.ToLowerInvariant(c) : '_');
        }

        if (builder.Length > 0 && char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
