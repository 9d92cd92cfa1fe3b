namespace MeshClient.Nab.Scoring;

/// <summary>One NAB scoring profile: the cost-matrix weights of <c>config/profiles.json</c> (tnWeight is unused).</summary>
internal sealed record CostProfile(string Name, double TpWeight, double FpWeight, double FnWeight);
