using MeshClient.LoadBalancing;

namespace MeshClient.Health;

/// <summary>Slow start: when an instance starts warming and when the timer next rebuilds its picker.</summary>
internal sealed partial class ServiceHealth
{
    /// <summary>Starts the slow start window of an instance that comes back (readmitted, or passing active checks again).</summary>
    private void StartWarming(InstanceState state, long now)
    {
        if (_entry.Balancer.Settings?.Health.SlowStart.Window > TimeSpan.Zero)
        {
            state.Health.WarmingSince = Math.Max(1, now);
        }
    }

    /// <summary>The next of the <see cref="HealthConstants.SlowStartSteps"/> steps of a window, or 0 when not warming.</summary>
    private long NextWarmingStep(long since, TimeSpan window)
    {
        if (since == 0 || window <= TimeSpan.Zero)
        {
            return 0;
        }

        var step = Math.Max(1, ToTicks(window) / HealthConstants.SlowStartSteps);
        var elapsed = Math.Max(0, _catalog.Time.GetTimestamp() - since);
        return since + (((elapsed / step) + 1) * step);
    }
}
