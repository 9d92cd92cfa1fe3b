namespace MeshClient.Nab.Scoring;

/// <summary>A label window as row indices of one file, both inclusive.</summary>
internal readonly record struct RowWindow(int Start, int End)
{
    public int Width => End - Start + 1;
}
