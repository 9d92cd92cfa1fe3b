namespace MeshClient.Anomaly;

/// <summary>
/// <c>c(n)</c> of Liu, Ting and Zhou (2008): the average path length of an unsuccessful search in a binary search tree of
/// <c>n</c> points, <c>2 H(n - 1) - 2 (n - 1) / n</c> with <c>H(i) ≈ ln i + γ</c>; <c>c(1) = 0</c>, <c>c(2) = 1</c>.
/// </summary>
internal static class AveragePathLength
{
    private const double EulerGamma = 0.5772156649015329;

    public static double Of(int n) => n switch
    {
        <= 1 => 0.0,
        2 => 1.0,
        _ => (2.0 * (Math.Log(n - 1.0) + EulerGamma)) - (2.0 * (n - 1.0) / n),
    };
}
