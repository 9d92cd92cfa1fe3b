namespace MeshClient.LoadBalancing;

/// <summary>An immutable snapshot of a balancer over a fixed set of instances; thread-safe.</summary>
public abstract class InstancePicker
{
    /// <summary>Gets a picker that never picks (no eligible instance).</summary>
    public static InstancePicker Empty { get; } = new EmptyPicker();

    /// <summary>Picks an instance for one request.</summary>
    /// <param name="context">The request being balanced.</param>
    /// <returns>The instance, or <see langword="null"/> when the picker has none.</returns>
    public abstract InstanceState? Pick(in PickContext context);

    private sealed class EmptyPicker : InstancePicker
    {
        public override InstanceState? Pick(in PickContext context) => null;
    }
}
