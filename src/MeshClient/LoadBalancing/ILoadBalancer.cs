namespace MeshClient.LoadBalancing;

/// <summary>
/// A load-balancing algorithm. It builds an immutable <see cref="InstancePicker"/> for a set of eligible instances; the
/// picker is rebuilt whenever that set changes, so a pick is O(1), lock-free and allocation-free.
/// </summary>
/// <remarks>Register custom balancers with <c>services.AddMeshLoadBalancer&lt;T&gt;()</c> and name them in <c>Mesh:Services:{name}:LoadBalancer</c>.</remarks>
public interface ILoadBalancer
{
    /// <summary>Gets the name used in configuration, for example <c>RoundRobin</c>.</summary>
    string Name { get; }

    /// <summary>Builds a picker over the eligible instances of a service.</summary>
    /// <param name="context">The instances and settings.</param>
    /// <returns>The picker.</returns>
    InstancePicker CreatePicker(LoadBalancerContext context);
}
