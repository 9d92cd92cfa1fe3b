using MeshClient.LoadBalancing;

namespace MeshClient.Health;

/// <summary>
/// Applies slow start when a picker is built: sets each candidate's warm factor with Envoy's formula,
/// max(min_weight_percent, (t / window)^(1 / aggression)), ends the warm-up of instances past their window, and wraps
/// the picker in a <see cref="SlowStartPicker"/> only while some (not every) candidate warms, so it costs nothing otherwise.
/// </summary>
internal static class SlowStart
{
    public static InstancePicker Apply(InstancePicker picker, IReadOnlyList<InstanceState> candidates, SlowStartOptions options, TimeProvider time, MeshRandom random, out bool warming)
    {
        warming = false;
        var window = options.Window;
        var warm = 0;
        var now = time.GetTimestamp();
        foreach (var state in candidates)
        {
            var health = state.Health;
            var since = health.WarmingSince;
            if (since == 0)
            {
                health.WarmFactor = 1.0;
                continue;
            }

            var elapsed = time.GetElapsedTime(since, now);
            if (window <= TimeSpan.Zero || elapsed >= window)
            {
                health.WarmingSince = 0;
                health.WarmFactor = 1.0;
                continue;
            }

            health.WarmFactor = Factor(elapsed, options);
            warm++;
        }

        warming = warm > 0;

        // Envoy: when every instance warms, none is scaled (their shares stay equal).
        return warm > 0 && warm < candidates.Count ? new SlowStartPicker(picker, random) : picker;
    }

    /// <summary>Envoy's slow start factor; a time factor below one second counts as one second, as Envoy.</summary>
    public static double Factor(TimeSpan elapsed, SlowStartOptions options)
    {
        var timeFactor = Math.Max(elapsed.TotalSeconds, 1.0) / options.Window.TotalSeconds;
        var scaled = Math.Pow(Math.Min(1.0, timeFactor), 1.0 / options.Aggression);
        return Math.Clamp(scaled, options.MinWeightPercent / 100.0, 1.0);
    }
}
