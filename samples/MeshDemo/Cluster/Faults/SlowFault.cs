using Microsoft.AspNetCore.Http;

namespace MeshDemo.Cluster.Faults;

/// <summary>A slow instance (a noisy neighbour, a long GC): it answers correctly, but after <paramref name="delay"/>.</summary>
/// <param name="delay">How long every answer takes, instead of the service time.</param>
internal sealed class SlowFault(TimeSpan delay) : InstanceFault
{
    public TimeSpan Delay => delay;

    public override InstanceAnswer Answer(TimeSpan serviceTime) => new(StatusCodes.Status200OK, delay);
}
