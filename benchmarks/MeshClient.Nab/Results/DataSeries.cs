namespace MeshClient.Nab.Results;

/// <summary>A NAB data file (<c>timestamp,value</c>) with the original text kept for writing results back.</summary>
internal sealed record DataSeries(string[] TimestampText, DateTime[] Timestamps, string[] ValueText, double[] Values);
