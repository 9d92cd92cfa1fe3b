using MeshClient.Events;
using MeshClient.LoadBalancing;

namespace MeshClient.Health;

/// <summary>Active health checks: the checker's lifetime and the thresholds that flip an instance's health.</summary>
internal sealed partial class ServiceHealth
{
    private ActiveHealthChecker? _checker;

    /// <summary>
    /// Counts the result of one check (<paramref name="failure"/> is <see langword="null"/> when it passed): the unhealthy
    /// threshold of failures in a row takes the instance out of the picker, the healthy threshold of passes brings it back
    /// (warming up when slow start is on).
    /// </summary>
    public void OnCheck(InstanceState state, string? failure, ActiveHealthCheckOptions options)
    {
        var health = state.Health;
        bool? flipped = null;
        lock (_gate)
        {
            if (failure is null)
            {
                health.ChecksFailed = 0;
                health.ChecksPassed++;
                if (health.FailingChecks && health.ChecksPassed >= options.HealthyThreshold)
                {
                    health.FailingChecks = false;
                    StartWarming(state, _catalog.Time.GetTimestamp());
                    flipped = true;
                }
            }
            else
            {
                health.ChecksPassed = 0;
                health.ChecksFailed++;
                if (!health.FailingChecks && health.ChecksFailed >= options.UnhealthyThreshold)
                {
                    health.FailingChecks = true;
                    health.WarmingSince = 0;
                    flipped = false;
                }
            }
        }

        if (flipped is not { } healthy)
        {
            return;
        }

        var id = state.Instance.InstanceId;
        if (healthy)
        {
            Log.CheckHealthy(_catalog.Logger, _entry.Name, id, options.HealthyThreshold);
        }
        else
        {
            Log.CheckUnhealthy(_catalog.Logger, _entry.Name, id, options.UnhealthyThreshold, failure!);
        }

        _entry.RebuildBalancer();
        _catalog.Events.Publish(new InstanceHealthCheckChangedEvent(_catalog.Time.GetUtcNow(), _entry.Name, id, healthy, failure ?? "passed"));
    }

    /// <summary>Starts the checker when the settings turn checks on, stops it when they turn them off.</summary>
    private void UpdateChecker()
    {
        var options = _entry.Balancer.Settings?.Health.ActiveChecks;
        if (options is { Enabled: true })
        {
            if (Volatile.Read(ref _checker) is null && Volatile.Read(ref _disposed) == 0)
            {
                var checker = new ActiveHealthChecker(_entry, _catalog, this, options);
                if (Interlocked.CompareExchange(ref _checker, checker, null) is not null)
                {
                    checker.Dispose();
                }
            }
        }
        else if (options is not null)
        {
            Interlocked.Exchange(ref _checker, null)?.Dispose();
        }
    }
}
