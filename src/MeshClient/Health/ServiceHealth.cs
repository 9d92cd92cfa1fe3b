using MeshClient.Discovery;
using MeshClient.Events;
using MeshClient.Http;
using MeshClient.LoadBalancing;

namespace MeshClient.Health;

/// <summary>
/// The health of one service's instances: outlier ejection (Envoy's consecutive-5xx and consecutive-gateway-failure
/// detectors on each outcome, success-rate and failure-percentage detectors every interval; ejection time = base × times
/// ejected, capped, within the maximum ejection percent), breaker-open instances, readmission on a
/// <see cref="TimeProvider"/> timer and panic transitions. Every change rebuilds the picker, which reads
/// <see cref="InstanceHealth"/> when it is built, so a pick never filters.
/// </summary>
internal sealed partial class ServiceHealth : IDisposable
{
    private readonly ServiceEntry _entry;
    private readonly ServiceCatalog _catalog;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private int _panic;
    private int _disposed;

    public ServiceHealth(ServiceEntry entry, ServiceCatalog catalog)
    {
        _entry = entry;
        _catalog = catalog;
        _timer = catalog.Time.CreateTimer(static s => ((ServiceHealth)s!).ReadmitDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _sweepTimer = catalog.Time.CreateTimer(static s => ((ServiceHealth)s!).SweepRates(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public bool InPanic => Volatile.Read(ref _panic) == 1;

    /// <summary>Counts the outcome of one attempt and ejects the instance when a detector trips. Allocation-free unless it ejects.</summary>
    public void OnOutcome(InstanceState state, RequestOutcomeKind kind, int statusCode, OutlierDetectionOptions options)
    {
        if (!options.Enabled || kind is RequestOutcomeKind.Canceled or RequestOutcomeKind.Error)
        {
            return;
        }

        var gateway = kind is RequestOutcomeKind.Timeout or RequestOutcomeKind.ConnectionFailure || statusCode is 502 or 503 or 504;
        var is5xx = gateway || statusCode >= 500;
        if (options.SweepsRates)
        {
            state.Health.CountInterval(!is5xx);
        }

        if (state.Health.Record(is5xx, gateway, options) is { } reason && !state.Health.IsEjected)
        {
            _ = TryEject(state, reason, options);
        }
    }

    public void OnBreakerOpened(InstanceState state, TimeSpan breakDuration)
    {
        var now = _catalog.Time.GetTimestamp();
        state.Health.BreakerOpenUntil = Math.Max(1, now + ToTicks(breakDuration));
        state.Health.BreakerTripped = true;
        var id = state.Instance.InstanceId;
        _catalog.Metrics.CircuitTransition(_entry.Name, id, "open");
        Log.CircuitOpened(_catalog.Logger, _entry.Name, id, breakDuration);
        _entry.RebuildBalancer();
        Arm();
        _catalog.Events.Publish(new CircuitOpenedEvent(_catalog.Time.GetUtcNow(), _entry.Name, id, breakDuration));
    }

    public void OnBreakerHalfOpened(InstanceState state)
        => _catalog.Metrics.CircuitTransition(_entry.Name, state.Instance.InstanceId, "half_open");

    public void OnBreakerClosed(InstanceState state)
    {
        var wasOut = state.Health.BreakerOpenUntil != 0;
        state.Health.BreakerOpenUntil = 0;
        state.Health.BreakerTripped = false;
        var id = state.Instance.InstanceId;
        _catalog.Metrics.CircuitTransition(_entry.Name, id, "closed");
        Log.CircuitClosed(_catalog.Logger, _entry.Name, id);
        if (wasOut)
        {
            _entry.RebuildBalancer();
        }

        _catalog.Events.Publish(new CircuitClosedEvent(_catalog.Time.GetUtcNow(), _entry.Name, id));
    }

    /// <summary>Called after every picker rebuild: publishes panic transitions.</summary>
    public void OnRebuilt(bool panic, int healthy, int up, bool warming)
    {
        if (warming)
        {
            Arm();
        }

        UpdateChecker();
        UpdateSweep();

        var now = panic ? 1 : 0;
        if (Interlocked.Exchange(ref _panic, now) == now)
        {
            return;
        }

        if (panic)
        {
            _catalog.Metrics.PanicEntered(_entry.Name);
            Log.PanicEntered(_catalog.Logger, _entry.Name, healthy, up);
            _catalog.Events.Publish(new PanicEnteredEvent(_catalog.Time.GetUtcNow(), _entry.Name, healthy, up));
        }
        else
        {
            Log.PanicLeft(_catalog.Logger, _entry.Name, healthy, up);
            _catalog.Events.Publish(new PanicLeftEvent(_catalog.Time.GetUtcNow(), _entry.Name));
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, 1);
        _timer.Dispose();
        _sweepTimer.Dispose();
        Interlocked.Exchange(ref _checker, null)?.Dispose();
    }

    private InstanceEjectionResult TryEject(InstanceState state, string reason, OutlierDetectionOptions options)
    {
        var health = state.Health;
        var id = state.Instance.InstanceId;
        TimeSpan duration;
        int times;
        lock (_gate)
        {
            var balancer = _entry.Balancer;
            if (!balancer.ById.TryGetValue(id, out var current) || !ReferenceEquals(current, state))
            {
                return InstanceEjectionResult.UnknownInstance;
            }

            if (health.IsEjected)
            {
                return InstanceEjectionResult.AlreadyEjected;
            }

            var ejected = 0;
            foreach (var other in balancer.All)
            {
                if (other.Health.IsEjected)
                {
                    ejected++;
                }
            }

            // Envoy: eject only while (ejected + 1) / instances stays within the maximum, unless always_eject_one_host.
            var allowed = 100.0 * (ejected + 1) / balancer.All.Length <= options.MaxEjectionPercent || (options.AlwaysEjectOneInstance && ejected == 0);
            health.ResetCounters();
            if (!allowed)
            {
                Log.EjectionSkipped(_catalog.Logger, _entry.Name, id, reason, options.MaxEjectionPercent);
                return InstanceEjectionResult.MaxEjectionPercentReached;
            }

            var now = _catalog.Time.GetTimestamp();
            if (health.TimesEjected > 0 && health.ReadmittedAt != 0)
            {
                // Envoy lowers the multiplier by one per interval the instance stayed in.
                var intervals = (int)Math.Min(int.MaxValue, _catalog.Time.GetElapsedTime(health.ReadmittedAt, now) / options.Interval);
                health.TimesEjected = Math.Max(0, health.TimesEjected - intervals);
            }

            times = ++health.TimesEjected;
            duration = TimeSpan.FromTicks(Math.Min(options.MaxEjectionTime.Ticks, options.BaseEjectionTime.Ticks * (long)times));
            health.EjectedUntil = Math.Max(1, now + ToTicks(duration));
        }

        _catalog.Metrics.Ejected(_entry.Name, id, reason);
        Log.Ejected(_catalog.Logger, _entry.Name, id, reason, duration, times);
        _entry.RebuildBalancer();
        Arm();
        _catalog.Events.Publish(new InstanceEjectedEvent(_catalog.Time.GetUtcNow(), _entry.Name, id, reason, duration, times));
        return InstanceEjectionResult.Ejected;
    }

    /// <summary>The timer: brings back every instance whose ejection or break is over, rebuilds, re-arms.</summary>
    private void ReadmitDue()
    {
        List<string>? readmitted = null;
        var changed = false;
        lock (_gate)
        {
            var now = _catalog.Time.GetTimestamp();
            foreach (var state in _entry.Balancer.All)
            {
                var health = state.Health;
                if (health.EjectedUntil != 0 && health.EjectedUntil <= now)
                {
                    EndEjection(state, now);
                    (readmitted ??= []).Add(state.Instance.InstanceId);
                    changed = true;
                }

                if (health.BreakerOpenUntil != 0 && health.BreakerOpenUntil <= now)
                {
                    // Back in the picker; Polly lets the next request through as the half-open trial.
                    health.BreakerOpenUntil = 0;
                    changed = true;
                }

                if (health.PenalizedUntil != 0 && health.PenalizedUntil <= now)
                {
                    health.PenalizedUntil = 0;
                    changed = true;
                }

                // A warming instance's share grows in steps: each timer tick during its window rebuilds the picker.
                changed |= health.WarmingSince != 0;
            }
        }

        if (changed)
        {
            _entry.RebuildBalancer();
        }

        Arm();
        foreach (var id in readmitted ?? [])
        {
            Log.Readmitted(_catalog.Logger, _entry.Name, id);
            _catalog.Events.Publish(new InstanceReadmittedEvent(_catalog.Time.GetUtcNow(), _entry.Name, id));
        }
    }

    /// <summary>Arms the timer for the earliest end of an ejection, break or penalty, or the next slow start step.</summary>
    private void Arm()
    {
        lock (_gate)
        {
            var next = long.MaxValue;
            var window = _entry.Balancer.Settings?.Health.SlowStart.Window ?? TimeSpan.Zero;
            foreach (var state in _entry.Balancer.All)
            {
                var health = state.Health;
                next = Earliest(next, health.EjectedUntil);
                next = Earliest(next, health.BreakerOpenUntil);
                next = Earliest(next, health.PenalizedUntil);
                next = Earliest(next, NextWarmingStep(health.WarmingSince, window));
            }

            if (next == long.MaxValue)
            {
                _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                return;
            }

            var now = _catalog.Time.GetTimestamp();
            var due = next <= now ? TimeSpan.Zero : _catalog.Time.GetElapsedTime(now, next);
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Brings an ejected instance back (its multiplier stays, to go down while it stays in); under the gate.</summary>
    private void EndEjection(InstanceState state, long now)
    {
        var health = state.Health;
        health.EjectedUntil = 0;
        health.ReadmittedAt = now;
        health.ResetCounters();
        StartWarming(state, now);
    }

    private static long Earliest(long next, long candidate) => candidate != 0 ? Math.Min(next, candidate) : next;

    private long ToTicks(TimeSpan duration) => (long)(duration.TotalSeconds * _catalog.Time.TimestampFrequency);
}
