using MeshClient.LoadBalancing.PowerOfTwoChoices;

namespace MeshClient.LoadBalancing.PeakEwma;

/// <summary>
/// Two random choices on cost = peak-EWMA latency × (in flight + 1) / weight, as Finagle's and Linkerd's balancers.
/// The EWMA decays with <c>EwmaDecay</c> so that an instance that was slow is tried again once it has been idle.
/// </summary>
internal sealed class PeakEwmaLoadBalancer : ILoadBalancer
{
    public string Name => LoadBalancerNames.PeakEwma;

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
            return Cost(b, context.Timestamp) < Cost(a, context.Timestamp) ? b : a;
        }

        private static double Cost(InstanceState state, long timestamp)
            => state.GetLatencyEstimateMs(timestamp) * (state.InFlight + 1) / state.Instance.Weight;
    }
}
