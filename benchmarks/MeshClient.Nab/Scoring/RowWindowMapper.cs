namespace MeshClient.Nab.Scoring;

/// <summary>Maps label windows to row indices: NAB positions and widths are in rows, never in time.</summary>
internal static class RowWindowMapper
{
    public static IReadOnlyList<RowWindow> Map(IReadOnlyList<DateTime> timestamps, IReadOnlyList<LabelWindow> windows, string file)
    {
        var rows = new RowWindow[windows.Count];
        for (var k = 0; k < windows.Count; k++)
        {
            rows[k] = new RowWindow(IndexOf(timestamps, windows[k].Start, file), IndexOf(timestamps, windows[k].End, file));
        }

        return rows;
    }

    private static int IndexOf(IReadOnlyList<DateTime> timestamps, DateTime value, string file)
    {
        for (var i = 0; i < timestamps.Count; i++)
        {
            if (timestamps[i] == value)
            {
                return i;
            }
        }

        throw new InvalidDataException($"{file}: window edge {value:O} is not a row timestamp.");
    }
}
