namespace MeshClient.LoadBalancing.RoundRobin;

/// <summary>Each instance in turn, starting at a random offset so that replicas of a caller do not move in lockstep (as grpc-dotnet).</summary>
internal sealed class RoundRobinLoadBalancer : ILoadBalancer
{
    public string Name => LoadBalancerNames.RoundRobin;

    public InstancePicker CreatePicker(LoadBalancerContext context)
        => context.Instances.Count == 0 ? InstancePicker.Empty : new Picker([.. context.Instances], context.Random.NextIndex(context.Instances.Count));

    private sealed class Picker(InstanceState[] instances, int start) : InstancePicker
    {
        private int _next = start - 1;

        public override InstanceState? Pick(in PickContext context)
            => instances[(int)((uint)Interlocked.Increment(ref _next) % (uint)instances.Length)];
    }
}
