using MeshClient.Discovery;
using MeshClient.Health;
using MeshClient.Resilience;

namespace MeshClient.LoadBalancing;

/// <summary>
/// The live state of one instance that balancers read: in-flight requests, counters and a peak-EWMA latency.
/// It outlives picker rebuilds and is dropped when the instance leaves the registry.
/// </summary>
public sealed class InstanceState
{
    private readonly Lock _latencyGate = new();
    private ServiceInstance _instance;
    private int _inFlight;
    private long _requests;
    private long _failures;
    private double _ewmaMs;
    private long _ewmaTimestamp;
    private Uri? _lastAddress;

    private TimeSpan _ewmaDecay = LoadBalancingConstants.DefaultEwmaDecay;
    private TimeSpan _defaultRtt = LoadBalancingConstants.DefaultRtt;

    // The same two in milliseconds, kept with them so that picks and completions do not convert them again.
    private double _ewmaDecayMs = LoadBalancingConstants.DefaultEwmaDecay.TotalMilliseconds;
    private double _defaultRttMs = LoadBalancingConstants.DefaultRtt.TotalMilliseconds;

    internal InstanceState(ServiceInstance instance, TimeProvider timeProvider)
    {
        _instance = instance;
        TimeProvider = timeProvider;
    }

    /// <summary>Gets the instance as last reported by discovery.</summary>
    public ServiceInstance Instance
    {
        get => Volatile.Read(ref _instance);
        internal set => Volatile.Write(ref _instance, value);
    }

    /// <summary>Gets the number of requests sent to the instance and not yet completed.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Gets the number of requests completed by the instance.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Gets the number of completed requests that failed.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Gets the peak-EWMA latency in milliseconds as of the last response, or 0 before any.</summary>
    public double LatencyEwmaMs => Volatile.Read(ref _ewmaMs);

    internal TimeProvider TimeProvider { get; }

    /// <summary>Gets the passive health of the instance (outlier counters, ejection, breaker state) read when pickers are built.</summary>
    internal InstanceHealth Health { get; } = new();

    /// <summary>Gets the instance's attempt pipeline (its circuit breaker and the attempt timeout), built on first use.</summary>
    internal InstanceResilience Resilience { get; } = new();

    /// <summary>
    /// Gets or sets the last request address the mesh handler built for this instance; it is reused while requests keep
    /// the same path and query, which saves building and parsing a <see cref="Uri"/> per request.
    /// </summary>
    internal Uri? LastAddress
    {
        get => Volatile.Read(ref _lastAddress);
        set => Volatile.Write(ref _lastAddress, value);
    }

    /// <summary>Gets or sets the decay time of the latency EWMA (Finagle/Linkerd default 10 s).</summary>
    internal TimeSpan EwmaDecay
    {
        get => _ewmaDecay;
        set
        {
            _ewmaDecay = value;
            _ewmaDecayMs = value.TotalMilliseconds;
        }
    }

    /// <summary>Gets or sets the latency assumed before the first response.</summary>
    internal TimeSpan DefaultRtt
    {
        get => _defaultRtt;
        set
        {
            _defaultRtt = value;
            _defaultRttMs = value.TotalMilliseconds;
        }
    }

    /// <summary>Returns the peak-EWMA latency in milliseconds decayed to <paramref name="timestamp"/>; lock-free, allocation-free.</summary>
    /// <param name="timestamp">Now, from <see cref="System.TimeProvider.GetTimestamp"/>.</param>
    /// <returns>The estimate in milliseconds.</returns>
    public double GetLatencyEstimateMs(long timestamp)
    {
        var last = Volatile.Read(ref _ewmaTimestamp);
        if (last == 0)
        {
            return _defaultRttMs;
        }

        var ewma = Volatile.Read(ref _ewmaMs);
        var elapsedMs = (timestamp - last) * 1000.0 / TimeProvider.TimestampFrequency;
        return elapsedMs <= 0 ? ewma : ewma * Math.Exp(-elapsedMs / _ewmaDecayMs);
    }

    /// <summary>Returns a read-only view of the instance's health now: combined state, ejection, 429 penalty, breaker and slow start.</summary>
    /// <returns>The view; a new object per call, meant for status pages rather than request paths.</returns>
    public InstanceHealthReport GetHealthReport()
    {
        var health = Health;
        var now = TimeProvider.GetTimestamp();
        var utcNow = TimeProvider.GetUtcNow();
        var circuit = health.BreakerOpenUntil != 0 ? CircuitState.Open : health.BreakerTripped ? CircuitState.HalfOpen : CircuitState.Closed;
        var state = Instance.Status != InstanceStatus.Up ? InstanceHealthState.Down
            : health.FailingChecks ? InstanceHealthState.FailingChecks
            : health.IsEjected ? InstanceHealthState.Ejected
            : circuit == CircuitState.Open ? InstanceHealthState.CircuitOpen
            : health.PenalizedUntil != 0 ? InstanceHealthState.Penalized
            : health.WarmingSince != 0 ? InstanceHealthState.Warming
            : InstanceHealthState.Healthy;
        return new InstanceHealthReport
        {
            Health = state,
            Ejected = health.IsEjected,
            EjectedUntil = ToUtc(health.EjectedUntil),
            PenalizedUntil = ToUtc(health.PenalizedUntil),
            Circuit = circuit,
            WarmFactor = health.WarmingSince != 0 ? health.WarmFactor : 1.0,
        };

        DateTimeOffset? ToUtc(long until) => until == 0 ? null : utcNow + (until > now ? TimeProvider.GetElapsedTime(now, until) : TimeSpan.Zero);
    }

    internal void OnRequestStarted() => Interlocked.Increment(ref _inFlight);

    internal void OnRequestCompleted(long startTimestamp, long endTimestamp, bool failed)
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _requests);
        if (failed)
        {
            Interlocked.Increment(ref _failures);
        }

        var rttMs = (endTimestamp - startTimestamp) * 1000.0 / TimeProvider.TimestampFrequency;
        lock (_latencyGate)
        {
            var last = _ewmaTimestamp;
            var ewma = _ewmaMs;
            if (last == 0 || rttMs >= ewma)
            {
                ewma = rttMs; // peak: a slower response takes over at once
            }
            else
            {
                var elapsedMs = Math.Max(0, (endTimestamp - last) * 1000.0 / TimeProvider.TimestampFrequency);
                var w = Math.Exp(-elapsedMs / _ewmaDecayMs);
                ewma = (ewma * w) + (rttMs * (1 - w));
            }

            Volatile.Write(ref _ewmaMs, ewma);
            Volatile.Write(ref _ewmaTimestamp, Math.Max(endTimestamp, 1));
        }
    }
}
