namespace MeshClient.Nab.Scoring;

/// <summary>NAB's scaled sigmoid <c>2/(1+e^(5x)) - 1</c>, and -1 beyond <c>x = 3</c>.</summary>
internal static class ScaledSigmoid
{
    /// <summary>The value at the left edge of a window, <c>σs(-1)</c>, that normalises true positives to tpWeight.</summary>
    public static readonly double MaxTruePositive = Of(-1.0);

    public static double Of(double x) => x > 3.0 ? -1.0 : (2.0 / (1.0 + Math.Exp(5.0 * x))) - 1.0;
}
