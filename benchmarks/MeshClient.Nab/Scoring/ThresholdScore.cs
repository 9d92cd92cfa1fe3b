namespace MeshClient.Nab.Scoring;

/// <summary>A corpus raw score at one threshold.</summary>
internal readonly record struct ThresholdScore(double Threshold, double RawScore);
