namespace MeshClient.Health;

/// <summary>
/// The passive health of one instance: consecutive-failure counters (atomic), and until when it is ejected or its
/// breaker is open (timestamps, 0 when not). Kept across picker rebuilds with its <see cref="LoadBalancing.InstanceState"/>.
/// </summary>
internal sealed class InstanceHealth
{
    private int _consecutive5xx;
    private int _consecutiveGateway;
    private long _ejectedUntil;
    private long _breakerOpenUntil;

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

    public bool IsEjected => EjectedUntil != 0;

    /// <summary>Gets a value indicating whether the balancer should skip the instance: ejected, or its breaker open.</summary>
    public bool IsOut => EjectedUntil != 0 || BreakerOpenUntil != 0;

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
