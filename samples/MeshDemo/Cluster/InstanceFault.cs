using MeshDemo.Cluster.Faults;
using Microsoft.AspNetCore.Http;

namespace MeshDemo.Cluster;

/// <summary>
/// How an instance answers a request: normally (<see cref="None"/>) or with a fault the scenarios inject, such as a 503
/// or a slow answer. An instance's fault can change while it serves (<see cref="RatingsInstance.Fault"/>).
/// </summary>
internal abstract class InstanceFault
{
    /// <summary>Gets the answer of a healthy instance: 200 after its service time.</summary>
    public static InstanceFault None { get; } = new NoFault();

    /// <summary>Gets a fault that answers every request with 503 Service Unavailable after the service time.</summary>
    public static InstanceFault Failing { get; } = new FailingFault();

    /// <summary>Returns how the next request is answered.</summary>
    /// <param name="serviceTime">The instance's normal service time.</param>
    /// <returns>The status code and how long the instance takes.</returns>
    public abstract InstanceAnswer Answer(TimeSpan serviceTime);

    private sealed class NoFault : InstanceFault
    {
        public override InstanceAnswer Answer(TimeSpan serviceTime) => new(StatusCodes.Status200OK, serviceTime);
    }
}
