namespace MeshClient.Nab.Scoring;

/// <summary>NAB's probationary period: the first <c>min(floor(0.15 N), 0.15 * 5000)</c> rows are never scored.</summary>
internal static class ProbationaryPeriod
{
    private const double Percent = 0.15;

    public static int Length(int rows) => (int)Math.Min(Math.Floor(Percent * rows), Percent * 5000);
}
