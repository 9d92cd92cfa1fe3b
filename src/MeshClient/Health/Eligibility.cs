using MeshClient.Discovery;
using MeshClient.LoadBalancing;

namespace MeshClient.Health;

/// <summary>
/// Chooses, when the picker is built, the instances that may take traffic: Up, not ejected, breaker not open. When the
/// healthy share of the Up instances is below the panic threshold (or none is healthy), every Up instance, as Envoy.
/// </summary>
internal static class Eligibility
{
    public static InstanceState[] Select(InstanceState[] all, HealthOptions options, out bool panic, out int healthyCount, out int upCount)
    {
        var up = Array.FindAll(all, static s => s.Instance.Status == InstanceStatus.Up);
        var healthy = Array.FindAll(up, static s => !s.Health.IsOut);
        upCount = up.Length;
        healthyCount = healthy.Length;
        panic = up.Length > 0 && options.PanicThresholdPercent > 0 && healthy.Length * 100L < (long)options.PanicThresholdPercent * up.Length;
        return panic || healthy.Length == 0 ? up : healthy;
    }
}
