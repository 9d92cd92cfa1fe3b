namespace MeshClient.Nab.Results;

/// <summary>Finds named columns in a NAB CSV header (plain comma-separated, no quoting).</summary>
internal static class CsvColumns
{
    public static int IndexOf(string header, string column, string path)
    {
        var index = Array.IndexOf(header.Split(','), column);
        return index >= 0 ? index : throw new InvalidDataException($"{path}: no '{column}' column in '{header}'.");
    }
}
