namespace MeshClient.Nab.Scoring;

/// <summary>A detector's result under one profile: the threshold used, the raw corpus score and the NAB score.</summary>
internal sealed record ProfileScore(string Profile, double Threshold, double RawScore, double NormalizedScore);
