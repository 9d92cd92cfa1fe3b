namespace MeshClient.LoadBalancing.PowerOfTwoChoices;

/// <summary>Two distinct random instances; the one with fewer requests in flight per unit of weight wins (as Envoy and YARP).</summary>
internal sealed class PowerOfTwoChoicesLoadBalancer : ILoadBalancer
{
    public string Name => LoadBalancerNames.PowerOfTwoChoices;

    public InstancePicker CreatePicker(LoadBalancerContext context)
        => context.Instances.Count == 0 ? InstancePicker.Empty : new Picker([.. context.Instances], context.Random);

    private sealed class Picker(InstanceState[] instances, MeshRandom random) : InstancePicker
    {
        public override InstanceState? Pick(in PickContext context)
        {
            if (instances.Length == 1)
            {
                return instances[0];
            }

            var (a, b) = TwoChoices.Pick(instances, random);
            long loadA = a.InFlight + 1;
            long loadB = b.InFlight + 1;
            return loadB * a.Instance.Weight < loadA * b.Instance.Weight ? b : a;
        }
    }
}
