namespace MeshClient.Nab.Scoring;

/// <summary>
/// NAB's normalisation: <c>100 (S - S_null) / (S_perfect - S_null)</c> with <c>S_null = -fn Nwin</c> and
/// <c>S_perfect = tp Nwin</c>, Nwin being the window count of the evaluated files.
/// </summary>
internal static class ScoreNormalizer
{
    public static double Normalise(double rawScore, int windowCount, CostProfile profile)
    {
        var nullScore = -profile.FnWeight * windowCount;
        var perfectScore = profile.TpWeight * windowCount;
        return 100.0 * (rawScore - nullScore) / (perfectScore - nullScore);
    }
}
