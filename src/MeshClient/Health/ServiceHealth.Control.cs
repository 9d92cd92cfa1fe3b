using MeshClient.Events;
using MeshClient.LoadBalancing;

namespace MeshClient.Health;

/// <summary>Operator control (<see cref="IInstanceHealthControl"/>): eject or readmit one instance, reset every instance.</summary>
internal sealed partial class ServiceHealth
{
    /// <summary>Ejects an instance through the outlier path: same multiplier, maximum percent, metric, log and event.</summary>
    public InstanceEjectionResult Eject(string instanceId, string reason, OutlierDetectionOptions options)
        => _entry.Balancer.ById.TryGetValue(instanceId, out var state) ? TryEject(state, reason, options) : InstanceEjectionResult.UnknownInstance;

    /// <summary>Ends an instance's ejection now, as when its time is over (it warms up when slow start is on).</summary>
    public bool Readmit(string instanceId)
    {
        lock (_gate)
        {
            if (!_entry.Balancer.ById.TryGetValue(instanceId, out var state) || !state.Health.IsEjected)
            {
                return false;
            }

            EndEjection(state, _catalog.Time.GetTimestamp());
        }

        _entry.RebuildBalancer();
        Arm();
        Log.Readmitted(_catalog.Logger, _entry.Name, instanceId);
        _catalog.Events.Publish(new InstanceReadmittedEvent(_catalog.Time.GetUtcNow(), _entry.Name, instanceId));
        return true;
    }

    /// <summary>
    /// Ends every ejection and 429 penalty, clears the outlier counters and multipliers and closes every tripped breaker
    /// (through its Polly manual control); returns how many instances changed.
    /// </summary>
    public int Reset()
    {
        List<string>? readmitted = null;
        List<InstanceState>? breakers = null;
        var changed = 0;
        lock (_gate)
        {
            var now = _catalog.Time.GetTimestamp();
            foreach (var state in _entry.Balancer.All)
            {
                var health = state.Health;
                var before = health.IsEjected || health.PenalizedUntil != 0 || health.BreakerOpenUntil != 0 || health.BreakerTripped || health.TimesEjected != 0;
                if (health.IsEjected)
                {
                    EndEjection(state, now);
                    (readmitted ??= []).Add(state.Instance.InstanceId);
                }

                if (health.BreakerOpenUntil != 0 || health.BreakerTripped)
                {
                    health.BreakerOpenUntil = 0;
                    health.BreakerTripped = false;
                    (breakers ??= []).Add(state);
                }

                health.PenalizedUntil = 0;
                health.TimesEjected = 0;
                health.ReadmittedAt = 0;
                health.ResetCounters();
                _ = health.TakeInterval(out _);
                changed += before ? 1 : 0;
            }
        }

        foreach (var state in breakers ?? [])
        {
            state.Resilience.Close();
        }

        if (changed > 0)
        {
            _entry.RebuildBalancer();
            Arm();
            Log.HealthReset(_catalog.Logger, _entry.Name, changed);
        }

        foreach (var id in readmitted ?? [])
        {
            Log.Readmitted(_catalog.Logger, _entry.Name, id);
            _catalog.Events.Publish(new InstanceReadmittedEvent(_catalog.Time.GetUtcNow(), _entry.Name, id));
        }

        return changed;
    }
}
