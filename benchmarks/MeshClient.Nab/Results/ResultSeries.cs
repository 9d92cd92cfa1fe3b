namespace MeshClient.Nab.Results;

/// <summary>The scorer's input from one results file: row timestamps and anomaly scores.</summary>
internal sealed record ResultSeries(DateTime[] Timestamps, double[] Scores);
