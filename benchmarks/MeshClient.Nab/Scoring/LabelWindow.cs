namespace MeshClient.Nab.Scoring;

/// <summary>A labelled anomaly window of <c>combined_windows.json</c>; both ends inclusive and equal to data rows.</summary>
internal readonly record struct LabelWindow(DateTime Start, DateTime End);
