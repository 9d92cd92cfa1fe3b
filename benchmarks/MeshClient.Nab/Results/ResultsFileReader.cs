using System.Globalization;
using MeshClient.Nab.Scoring;

namespace MeshClient.Nab.Results;

/// <summary>Reads the <c>timestamp</c> and <c>anomaly_score</c> columns of a NAB results file; other columns are ignored.</summary>
internal static class ResultsFileReader
{
    public static ResultSeries Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(static line => line.Length > 0).ToArray();
        var time = CsvColumns.IndexOf(lines[0], "timestamp", path);
        var score = CsvColumns.IndexOf(lines[0], "anomaly_score", path);
        var series = new ResultSeries(new DateTime[lines.Length - 1], new double[lines.Length - 1]);
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            series.Timestamps[i - 1] = NabTimestamp.Parse(fields[time]);
            var value = double.Parse(fields[score], NumberStyles.Float, CultureInfo.InvariantCulture);
            if (value is < 0.0 or > 1.0 || double.IsNaN(value))
            {
                throw new InvalidDataException($"{path}: row {i} has anomaly_score {fields[score]} outside [0, 1].");
            }

            series.Scores[i - 1] = value;
        }

        return series;
    }
}
