namespace MeshClient.Health;

/// <summary>
/// The health of one instance: consecutive-failure counters (atomic); until when it is ejected, its breaker is open or
/// it is penalised by a 429's <c>Retry-After</c> (timestamps, 0 when not); whether active checks find it unhealthy; and
/// since when it warms up (slow start). Kept across picker rebuilds with its <see cref="LoadBalancing.InstanceState"/>.
/// </summary>
internal sealed partial class InstanceHealth
{
    private int _consecutive5xx;
    private int _consecutiveGateway;
    private long _ejectedUntil;
    private long _breakerOpenUntil;
    private long _penalizedUntil;
    private long _warmingSince;
    private double _warmFactor = 1.0;
    private int _failingChecks;
    private int _breakerTripped;

    /// <summary>Gets how many times in a row the instance was ejected (the ejection time's multiplier); guarded by the service's gate.</summary>
    public int TimesEjected { get; set; }

    /// <summary>Gets or sets when the instance last came back from an ejection; guarded by the service's gate.</summary>
    public long ReadmittedAt { get; set; }

    public long EjectedUntil
    {
        get => Volatile.Read(ref _ejectedUntil);
        set => Volatile.Write(ref _ejectedUntil, value);
    }

    public long BreakerOpenUntil
    {
        get => Volatile.Read(ref _breakerOpenUntil);
        set => Volatile.Write(ref _breakerOpenUntil, value);
    }

    /// <summary>Gets or sets until when a 429 with <c>Retry-After</c> keeps the instance out of the picker (0 when not).</summary>
    public long PenalizedUntil
    {
        get => Volatile.Read(ref _penalizedUntil);
        set => Volatile.Write(ref _penalizedUntil, value);
    }

    /// <summary>Gets or sets since when the instance warms up (slow start); 0 when it takes its full share.</summary>
    public long WarmingSince
    {
        get => Volatile.Read(ref _warmingSince);
        set => Volatile.Write(ref _warmingSince, value);
    }

    /// <summary>Gets or sets the share of its weight the instance takes while warming up, in (0, 1]; set when the picker is built.</summary>
    public double WarmFactor
    {
        get => Volatile.Read(ref _warmFactor);
        set => Volatile.Write(ref _warmFactor, value);
    }

    /// <summary>Gets or sets a value indicating whether active health checks find the instance unhealthy.</summary>
    public bool FailingChecks
    {
        get => Volatile.Read(ref _failingChecks) != 0;
        set => Volatile.Write(ref _failingChecks, value ? 1 : 0);
    }

    /// <summary>Gets or sets the consecutive passed active checks; only the instance's checker writes it.</summary>
    public int ChecksPassed { get; set; }

    /// <summary>Gets or sets the consecutive failed active checks; only the instance's checker writes it.</summary>
    public int ChecksFailed { get; set; }

    /// <summary>Gets or sets a value indicating whether the breaker opened and has not closed since (open or half-open).</summary>
    public bool BreakerTripped
    {
        get => Volatile.Read(ref _breakerTripped) != 0;
        set => Volatile.Write(ref _breakerTripped, value ? 1 : 0);
    }

    public bool IsEjected => EjectedUntil != 0;

    /// <summary>Gets a value indicating whether the balancer should skip the instance: ejected, breaker open, penalised or failing active checks.</summary>
    public bool IsOut => EjectedUntil != 0 || BreakerOpenUntil != 0 || PenalizedUntil != 0 || FailingChecks;

    /// <summary>Counts an outcome; returns the counter that reached its threshold, if any.</summary>
    /// <param name="is5xx">A 5xx response, connection failure or timeout.</param>
    /// <param name="isGateway">A 502, 503 or 504 response, connection failure or timeout.</param>
    /// <param name="options">The thresholds.</param>
    /// <returns>The ejection reason, or <see langword="null"/>.</returns>
    public string? Record(bool is5xx, bool isGateway, OutlierDetectionOptions options)
    {
        var fives = is5xx ? Interlocked.Increment(ref _consecutive5xx) : Reset(ref _consecutive5xx);
        var gateways = isGateway ? Interlocked.Increment(ref _consecutiveGateway) : Reset(ref _consecutiveGateway);
        if (options.Consecutive5xx > 0 && fives >= options.Consecutive5xx)
        {
            return HealthReasons.Consecutive5xx;
        }

        return options.ConsecutiveGatewayFailure > 0 && gateways >= options.ConsecutiveGatewayFailure ? HealthReasons.ConsecutiveGatewayFailure : null;
    }

    public void ResetCounters()
    {
        Volatile.Write(ref _consecutive5xx, 0);
        Volatile.Write(ref _consecutiveGateway, 0);
    }

    private static int Reset(ref int counter)
    {
        if (Volatile.Read(ref counter) != 0)
        {
            Volatile.Write(ref counter, 0);
        }

        return 0;
    }
}
