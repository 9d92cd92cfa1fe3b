namespace MeshClient.Events;

/// <summary>Outlier detection ejected an instance: the balancer skips it until <see cref="Duration"/> has passed.</summary>
public sealed class InstanceEjectedEvent : MeshEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="timestamp">When it was ejected.</param>
    /// <param name="serviceName">The service.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="reason">Why: <c>consecutive_5xx</c>, <c>consecutive_gateway_failure</c>, <c>success_rate</c>, <c>failure_percentage</c>, or the reason given to <see cref="Health.IInstanceHealthControl.Eject"/> (for example <c>recovery</c>).</param>
    /// <param name="duration">How long it stays out.</param>
    /// <param name="timesEjected">How many times in a row it was ejected, this one included.</param>
    public InstanceEjectedEvent(DateTimeOffset timestamp, string serviceName, string instanceId, string reason, TimeSpan duration, int timesEjected)
        : base(timestamp, serviceName, instanceId)
    {
        Reason = reason;
        Duration = duration;
        TimesEjected = timesEjected;
    }

    /// <inheritdoc />
    public override string Kind => "health.instance-ejected";

    /// <inheritdoc />
    public override MeshEventSeverity Severity => MeshEventSeverity.Warning;

    /// <summary>Gets why it was ejected: <c>consecutive_5xx</c>, <c>consecutive_gateway_failure</c>, <c>success_rate</c>, <c>failure_percentage</c>, or the reason given to <see cref="Health.IInstanceHealthControl.Eject"/>.</summary>
    public string Reason { get; }

    /// <summary>Gets how long it stays out.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Gets how many times in a row it was ejected, this one included (the ejection time's multiplier).</summary>
    public int TimesEjected { get; }
}

/// <summary>An ejected instance served its ejection time and takes traffic again.</summary>
/// <param name="timestamp">When it came back.</param>
/// <param name="serviceName">The service.</param>
/// <param name="instanceId">The instance.</param>
public sealed class InstanceReadmittedEvent(DateTimeOffset timestamp, string serviceName, string instanceId) : MeshEvent(timestamp, serviceName, instanceId)
{
    /// <inheritdoc />
    public override string Kind => "health.instance-readmitted";
}

/// <summary>An instance's circuit breaker opened: the balancer skips it for <see cref="BreakDuration"/>.</summary>
/// <param name="timestamp">When it opened.</param>
/// <param name="serviceName">The service.</param>
/// <param name="instanceId">The instance.</param>
/// <param name="breakDuration">How long it stays open before a trial request.</param>
public sealed class CircuitOpenedEvent(DateTimeOffset timestamp, string serviceName, string instanceId, TimeSpan breakDuration) : MeshEvent(timestamp, serviceName, instanceId)
{
    /// <inheritdoc />
    public override string Kind => "resilience.circuit-opened";

    /// <inheritdoc />
    public override MeshEventSeverity Severity => MeshEventSeverity.Warning;

    /// <summary>Gets how long the breaker stays open before it admits a trial request.</summary>
    public TimeSpan BreakDuration { get; } = breakDuration;
}

/// <summary>An instance's circuit breaker closed again after a successful trial request.</summary>
/// <param name="timestamp">When it closed.</param>
/// <param name="serviceName">The service.</param>
/// <param name="instanceId">The instance.</param>
public sealed class CircuitClosedEvent(DateTimeOffset timestamp, string serviceName, string instanceId) : MeshEvent(timestamp, serviceName, instanceId)
{
    /// <inheritdoc />
    public override string Kind => "resilience.circuit-closed";
}

/// <summary>Too few instances of a service are healthy (below the panic threshold): the balancer uses every Up instance.</summary>
/// <param name="timestamp">When panic began.</param>
/// <param name="serviceName">The service.</param>
/// <param name="healthy">How many Up instances are healthy (not ejected, breaker closed).</param>
/// <param name="up">How many instances are Up.</param>
public sealed class PanicEnteredEvent(DateTimeOffset timestamp, string serviceName, int healthy, int up) : MeshEvent(timestamp, serviceName, null)
{
    /// <inheritdoc />
    public override string Kind => "health.panic-entered";

    /// <inheritdoc />
    public override MeshEventSeverity Severity => MeshEventSeverity.Critical;

    /// <summary>Gets how many Up instances are healthy.</summary>
    public int Healthy { get; } = healthy;

    /// <summary>Gets how many instances are Up.</summary>
    public int Up { get; } = up;
}

/// <summary>Enough instances of a service are healthy again: the balancer skips the unhealthy ones again.</summary>
/// <param name="timestamp">When panic ended.</param>
/// <param name="serviceName">The service.</param>
public sealed class PanicLeftEvent(DateTimeOffset timestamp, string serviceName) : MeshEvent(timestamp, serviceName, null)
{
    /// <inheritdoc />
    public override string Kind => "health.panic-left";
}

/// <summary>An instance answered 429 with <c>Retry-After</c>: the balancer skips it for <see cref="Duration"/> (a penalty, not an ejection).</summary>
/// <param name="timestamp">When it was penalised.</param>
/// <param name="serviceName">The service.</param>
/// <param name="instanceId">The instance.</param>
/// <param name="duration">How long it takes no traffic.</param>
public sealed class InstancePenalizedEvent(DateTimeOffset timestamp, string serviceName, string instanceId, TimeSpan duration) : MeshEvent(timestamp, serviceName, instanceId)
{
    /// <inheritdoc />
    public override string Kind => "health.instance-penalized";

    /// <summary>Gets how long the instance takes no traffic.</summary>
    public TimeSpan Duration { get; } = duration;
}

/// <summary>Active health checks changed an instance's health: <see cref="Healthy"/> tells which way.</summary>
/// <param name="timestamp">When it changed.</param>
/// <param name="serviceName">The service.</param>
/// <param name="instanceId">The instance.</param>
/// <param name="healthy">Whether the instance is now healthy.</param>
/// <param name="reason">The last check's result, for example <c>status 503</c> or <c>timeout</c>.</param>
public sealed class InstanceHealthCheckChangedEvent(DateTimeOffset timestamp, string serviceName, string instanceId, bool healthy, string reason) : MeshEvent(timestamp, serviceName, instanceId)
{
    /// <inheritdoc />
    public override string Kind => "health.check-changed";

    /// <inheritdoc />
    public override MeshEventSeverity Severity => Healthy ? MeshEventSeverity.Info : MeshEventSeverity.Warning;

    /// <summary>Gets a value indicating whether the instance is now healthy.</summary>
    public bool Healthy { get; } = healthy;

    /// <summary>Gets the last check's result, for example <c>status 503</c> or <c>timeout</c>.</summary>
    public string Reason { get; } = reason;
}
