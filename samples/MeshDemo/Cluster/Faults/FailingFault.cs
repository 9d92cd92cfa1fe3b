using Microsoft.AspNetCore.Http;

namespace MeshDemo.Cluster.Faults;

/// <summary>An instance whose dependency is down: it answers every request with 503 after its usual service time.</summary>
internal sealed class FailingFault : InstanceFault
{
    public override InstanceAnswer Answer(TimeSpan serviceTime) => new(StatusCodes.Status503ServiceUnavailable, serviceTime);
}
