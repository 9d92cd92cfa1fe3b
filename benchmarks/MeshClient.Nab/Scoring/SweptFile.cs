namespace MeshClient.Nab.Scoring;

/// <summary>One file's scorable rows with sweep scores for one profile; windows are numbered 0..WindowCount-1.</summary>
internal sealed record SweptFile(string Key, IReadOnlyList<SweepRow> Rows, int WindowCount);
