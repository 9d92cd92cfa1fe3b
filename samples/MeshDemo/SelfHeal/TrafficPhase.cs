namespace MeshDemo.SelfHeal;

/// <summary>The traffic of one phase of the run: before the fault, during it (until the instance is back), after it.</summary>
/// <param name="Phase">"before", "during" or "after".</param>
/// <param name="FromMs">When the phase starts, in milliseconds from the fault (negative before it).</param>
/// <param name="Requests">The requests that completed in the phase.</param>
/// <param name="SuccessRate">Their successful fraction, as the caller saw it (retries included), 0 to 1.</param>
/// <param name="HealingAnswered">The successful answers of the self-healing instance.</param>
/// <param name="HealingShare">Its share of the successful answers, 0 to 1.</param>
internal sealed record TrafficPhase(string Phase, double FromMs, int Requests, double SuccessRate, int HealingAnswered, double HealingShare)
{
    /// <summary>Cuts the outcomes into the three phases.</summary>
    /// <param name="outcomes">Every outcome of the load.</param>
    /// <param name="startedAt">When the load started.</param>
    /// <param name="faultAt">When the fault was armed.</param>
    /// <param name="backAt">When the restarted instance was registered again, or <see langword="null"/> if it never was.</param>
    /// <param name="healingId">The self-healing instance's id.</param>
    /// <returns>The phases, in order (without "after" when the instance did not come back).</returns>
    public static IReadOnlyList<TrafficPhase> Cut(
        IReadOnlyCollection<Outcome> outcomes, DateTimeOffset startedAt, DateTimeOffset faultAt, DateTimeOffset? backAt, string healingId)
    {
        var end = DateTimeOffset.MaxValue;
        var phases = new List<TrafficPhase>
        {
            Of("before", startedAt, faultAt),
            Of("during", faultAt, backAt ?? end),
        };
        if (backAt is { } back)
        {
            phases.Add(Of("after", back, end));
        }

        return phases;

        TrafficPhase Of(string name, DateTimeOffset from, DateTimeOffset to)
        {
            var inPhase = outcomes.Where(o => o.At >= from && o.At < to).ToArray();
            var succeeded = inPhase.Count(static o => o.Succeeded);
            var healing = inPhase.Count(o => o.Succeeded && o.Instance == healingId);
            return new TrafficPhase(
                name,
                Math.Round((from - faultAt).TotalMilliseconds),
                inPhase.Length,
                inPhase.Length == 0 ? 0 : Math.Round((double)succeeded / inPhase.Length, 4),
                healing,
                succeeded == 0 ? 0 : Math.Round((double)healing / succeeded, 4));
        }
    }
}
