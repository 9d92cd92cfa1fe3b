using System.Globalization;
using System.Text;

namespace MeshClient.Nab.Results;

/// <summary>Writes a NAB results file <c>timestamp,value,anomaly_score</c>, keeping the data file's text.</summary>
internal static class ResultsFileWriter
{
    public static void Write(string path, DataSeries data, IReadOnlyList<double> scores)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new StringBuilder(data.Values.Length * 40);
        text.Append("timestamp,value,anomaly_score\n");
        for (var i = 0; i < data.Values.Length; i++)
        {
            text.Append(data.TimestampText[i]).Append(',').Append(data.ValueText[i]).Append(',')
                .Append(scores[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }
}
