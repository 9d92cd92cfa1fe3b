using System.Globalization;
using System.Text;

namespace MeshClient.Consul.Wire;

/// <summary>Writes durations as Go's <c>time.Duration</c> strings Consul expects: <c>10s</c>, <c>1m30s</c>, <c>1h30m</c>, <c>500ms</c>.</summary>
internal static class GoDuration
{
    public static string Format(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            return "0s";
        }

        if (value < TimeSpan.FromSeconds(1))
        {
            return Invariant((long)Math.Ceiling(value.TotalMilliseconds)) + "ms";
        }

        var text = new StringBuilder();
        var hours = (long)value.TotalHours;
        if (hours > 0)
        {
            text.Append(Invariant(hours)).Append('h');
        }

        if (value.Minutes > 0)
        {
            text.Append(Invariant(value.Minutes)).Append('m');
        }

        if (value.Seconds > 0 || value.Milliseconds > 0)
        {
            text.Append(value.Milliseconds > 0
                ? (value.Seconds + (value.Milliseconds / 1000.0)).ToString("0.###", CultureInfo.InvariantCulture)
                : Invariant(value.Seconds)).Append('s');
        }

        return text.ToString();
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
