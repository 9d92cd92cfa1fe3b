namespace MeshClient.Nab.Scoring;

/// <summary>
/// NAB's <c>Sweeper.calcSweepScore</c>: the weighted score each row would earn as a detection. Inside a window it is
/// <c>tp σs(-(b - i + 1)/w) / σs(-1)</c>; outside it is <c>-fp</c> before the first window ends and
/// <c>fp σs((i - b')/(w' - 1))</c> after the most recent window <c>[a', b']</c>. Probationary rows are dropped.
/// </summary>
internal static class SweepCalculator
{
    public static SweptFile Calculate(string key, IReadOnlyList<double> scores, IReadOnlyList<RowWindow> windows, CostProfile profile)
    {
        var probation = ProbationaryPeriod.Length(scores.Count);
        var rows = new List<SweepRow>(Math.Max(0, scores.Count - probation));
        var next = 0;
        var current = -1;
        RowWindow? previous = null;
        for (var i = 0; i < scores.Count; i++)
        {
            if (current < 0 && next < windows.Count && windows[next].Start == i)
            {
                current = next++;
            }

            double sweep;
            if (current >= 0)
            {
                var window = windows[current];
                var position = -(window.End - i + 1) / (double)window.Width;
                sweep = ScaledSigmoid.Of(position) * profile.TpWeight / ScaledSigmoid.MaxTruePositive;
            }
            else if (previous is { } past)
            {
                var distance = Math.Abs(past.End - i) / (double)(past.Width - 1);
                sweep = ScaledSigmoid.Of(distance) * profile.FpWeight;
            }
            else
            {
                sweep = -1.0 * profile.FpWeight;
            }

            if (i >= probation)
            {
                rows.Add(new SweepRow(scores[i], sweep, current));
            }

            if (current >= 0 && windows[current].End == i)
            {
                previous = windows[current];
                current = -1;
            }
        }

        return new SweptFile(key, rows, windows.Count);
    }
}
