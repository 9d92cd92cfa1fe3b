using System.Globalization;

namespace MeshClient.Nab.Scoring;

/// <summary>Parses NAB timestamps: <c>yyyy-MM-dd HH:mm:ss</c> in data files, with <c>.ffffff</c> in label files.</summary>
internal static class NabTimestamp
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.ffffff", "yyyy-MM-dd HH:mm:ss.fff"];

    public static DateTime Parse(string text) =>
        DateTime.ParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
