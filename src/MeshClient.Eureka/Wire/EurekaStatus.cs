using MeshClient.Discovery;

namespace MeshClient.Eureka.Wire;

/// <summary>Eureka status names and their mapping to <see cref="InstanceStatus"/>.</summary>
internal static class EurekaStatus
{
    public const string Up = "UP";

    public const string Down = "DOWN";

    public const string Starting = "STARTING";

    public const string OutOfService = "OUT_OF_SERVICE";

    public const string Unknown = "UNKNOWN";

    /// <summary>Normalises a status as Java's <c>InstanceStatus.toEnum</c>: known names upper case, anything else <c>UNKNOWN</c>.</summary>
    public static string Normalize(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        Up => Up,
        Down => Down,
        Starting => Starting,
        OutOfService => OutOfService,
        _ => Unknown,
    };

    /// <summary>The effective status: an override of <c>OUT_OF_SERVICE</c> or <c>DOWN</c> wins over <c>status</c>.</summary>
    public static string Effective(EurekaInstance instance)
        => instance.OverriddenStatus is OutOfService or Down ? instance.OverriddenStatus : instance.Status;

    public static InstanceStatus ToInstanceStatus(string status) => status switch
    {
        Up => InstanceStatus.Up,
        Down => InstanceStatus.Down,
        Starting => InstanceStatus.Starting,
        OutOfService => InstanceStatus.OutOfService,
        _ => InstanceStatus.Unknown,
    };

    public static string FromInstanceStatus(InstanceStatus status) => status switch
    {
        InstanceStatus.Up => Up,
        InstanceStatus.Down => Down,
        InstanceStatus.Starting => Starting,
        InstanceStatus.OutOfService => OutOfService,
        _ => Unknown,
    };
}
