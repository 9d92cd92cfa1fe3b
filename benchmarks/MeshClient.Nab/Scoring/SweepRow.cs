namespace MeshClient.Nab.Scoring;

/// <summary>A scorable row (after probation): its anomaly score, its weighted sweep score and its window (-1 if none).</summary>
internal readonly record struct SweepRow(double AnomalyScore, double Sweep, int Window);
