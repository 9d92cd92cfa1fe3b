using MeshClient.LoadBalancing.PowerOfTwoChoices;

namespace MeshClient.LoadBalancing.PeakEwma;

/// <summary>
/// Two distinct random choices on cost = peak-EWMA latency × (in flight + 1) / weight, as Finagle's and Linkerd's
/// balancers. A latency outlier — a candidate whose estimate is at least <see cref="LoadBalancingConstants.PeakEwmaOutlierRatio"/>
/// times the other's — loses whatever the loads, except on a probe: one pick in
/// <see cref="LoadBalancingConstants.PeakEwmaProbeOneIn"/> of those comparisons, so an outlier gets at most that share of
/// the traffic yet keeps being measured and comes back once it is fast again. The EWMA decays with <c>EwmaDecay</c>, so an
/// outlier that gets no traffic at all (a quiet service) is tried again once it has been idle long enough.
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
            var latencyA = a.GetLatencyEstimateMs(context.Timestamp);
            var latencyB = b.GetLatencyEstimateMs(context.Timestamp);
            if (latencyB >= latencyA * LoadBalancingConstants.PeakEwmaOutlierRatio)
            {
                return IsProbe() ? b : a;
            }

            if (latencyA >= latencyB * LoadBalancingConstants.PeakEwmaOutlierRatio)
            {
                return IsProbe() ? a : b;
            }

            return Cost(b, latencyB) < Cost(a, latencyA) ? b : a;
        }

        private static double Cost(InstanceState state, double latencyMs)
            => latencyMs * (state.InFlight + 1) / state.Instance.Weight;

        private bool IsProbe() => random.NextIndex(LoadBalancingConstants.PeakEwmaProbeOneIn) == 0;
    }
}
