namespace MeshClient.LoadBalancing.RandomPick;

/// <summary>A uniformly random instance.</summary>
internal sealed class RandomLoadBalancer : ILoadBalancer
{
    public string Name => LoadBalancerNames.Random;

    public InstancePicker CreatePicker(LoadBalancerContext context)
        => context.Instances.Count == 0 ? InstancePicker.Empty : new Picker([.. context.Instances], context.Random);

    private sealed class Picker(InstanceState[] instances, MeshRandom random) : InstancePicker
    {
        public override InstanceState? Pick(in PickContext context) => instances[random.NextIndex(instances.Length)];
    }
}
