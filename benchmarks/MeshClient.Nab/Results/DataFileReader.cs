using System.Globalization;
using MeshClient.Nab.Scoring;

namespace MeshClient.Nab.Results;

/// <summary>
/// Reads a NAB data file <c>timestamp,value</c> in file order. A few NAB files repeat a timestamp (the 2014-03-09
/// DST change) or step back once (<c>machine_temperature_system_failure</c> row 10149); NAB feeds rows in file order,
/// and so does the runner.
/// </summary>
internal static class DataFileReader
{
    public static DataSeries Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var time = CsvColumns.IndexOf(lines[0], "timestamp", path);
        var value = CsvColumns.IndexOf(lines[0], "value", path);
        var count = lines.Length - 1;
        while (count > 0 && lines[count].Length == 0)
        {
            count--;
        }

        var series = new DataSeries(new string[count], new DateTime[count], new string[count], new double[count]);
        for (var i = 0; i < count; i++)
        {
            var fields = lines[i + 1].Split(',');
            series.TimestampText[i] = fields[time];
            series.Timestamps[i] = NabTimestamp.Parse(fields[time]);
            series.ValueText[i] = fields[value];
            series.Values[i] = double.Parse(fields[value], NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return series;
    }
}
