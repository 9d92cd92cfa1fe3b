namespace MeshClient.Discovery;

/// <summary>The status of a service instance as its registry reports it.</summary>
/// <remarks>The names match Eureka's statuses (<c>UP</c>, <c>DOWN</c>, <c>STARTING</c>, <c>OUT_OF_SERVICE</c>, <c>UNKNOWN</c>).</remarks>
public enum InstanceStatus
{
    /// <summary>The instance is up and takes traffic.</summary>
    Up,

    /// <summary>The instance is down: it must not receive traffic.</summary>
    Down,

    /// <summary>The instance is starting and does not take traffic yet.</summary>
    Starting,

    /// <summary>The instance was taken out of service on purpose (for example while it drains).</summary>
    OutOfService,

    /// <summary>The registry does not know the status.</summary>
    Unknown,
}
