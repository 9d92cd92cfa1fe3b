namespace MeshClient.LoadBalancing.WeightedRoundRobin;

/// <summary>
/// Smooth weighted round robin, as nginx: weights 5/1/1 give <c>a a b a c a a</c>. The sequence is periodic with period
/// equal to the sum of the weights, so it is computed once per picker and a pick is one atomic increment.
/// </summary>
internal sealed class WeightedRoundRobinLoadBalancer : ILoadBalancer
{
    public string Name => LoadBalancerNames.WeightedRoundRobin;

    public InstancePicker CreatePicker(LoadBalancerContext context)
        => context.Instances.Count == 0 ? InstancePicker.Empty : new Picker(SmoothSequence.Build(context.Instances));

    private sealed class Picker(InstanceState[] sequence) : InstancePicker
    {
        private int _next = -1;

        public override InstanceState? Pick(in PickContext context)
            => sequence[(int)((uint)Interlocked.Increment(ref _next) % (uint)sequence.Length)];
    }
}
