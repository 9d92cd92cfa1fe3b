namespace MeshClient.Anomaly.Statistics;

/// <summary>
/// NuPIC's <c>computeLogLikelihood</c>: maps a tail probability <c>q</c> (anomaly probability <c>1 - q</c>) to
/// <c>log(q + 1e-10) / log(1e-10)</c> in [0, 1], spreading the scores near certainty over the range.
/// </summary>
internal static class LogLikelihood
{
    private static readonly double Scale = Math.Log(1.0 - 0.9999999999);

    public static double FromTail(double tail) => Math.Clamp(Math.Log(1.0000000001 - (1.0 - tail)) / Scale, 0.0, 1.0);
}
