namespace MeshClient.Anomaly.Statistics;

/// <summary>
/// The upper tail <c>Q(z) = P(Z &gt; z)</c> of the standard normal, through the Chebyshev <c>erfc</c> of Numerical
/// Recipes (fractional error below 1.2e-7 everywhere, so it stays accurate deep in the tail).
/// </summary>
internal static class NormalTail
{
    public static double Upper(double z) => 0.5 * Erfc(z / Math.Sqrt(2.0));

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + (0.5 * z));
        var polynomial = -z * z - 1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var result = t * Math.Exp(polynomial);
        return x >= 0 ? result : 2.0 - result;
    }
}
