namespace MeshClient.Nab.Scoring;

/// <summary>One results file ready for scoring: its label key, anomaly scores and row windows.</summary>
internal sealed record ScoredSeries(string Key, IReadOnlyList<double> Scores, IReadOnlyList<RowWindow> Windows);
