namespace MeshClient.Anomaly.Statistics;

/// <summary>An absolute z-score with a floor on the deviation, so a flat series gives large but finite scores.</summary>
internal static class ZScore
{
    private const double AbsoluteFloor = 1e-12;
    private const double RelativeFloor = 1e-9;

    public static double Of(double value, double mean, double standardDeviation)
    {
        var deviation = Math.Max(standardDeviation, AbsoluteFloor + (RelativeFloor * Math.Abs(mean)));
        var z = Math.Abs(value - mean) / deviation;
        return double.IsFinite(z) ? z : double.MaxValue;
    }
}
