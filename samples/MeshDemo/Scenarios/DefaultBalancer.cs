using MeshClient;

namespace MeshDemo.Scenarios;

/// <summary>MeshClient's default balancer (<c>Mesh:LoadBalancer</c>, <see cref="MeshOptions.LoadBalancer"/>): PeakEwma today.</summary>
internal static class DefaultBalancer
{
    /// <summary>Gets its name, read from a fresh <see cref="MeshOptions"/> so that the demo follows core's default.</summary>
    public static string Name { get; } = new MeshOptions().LoadBalancer;
}
