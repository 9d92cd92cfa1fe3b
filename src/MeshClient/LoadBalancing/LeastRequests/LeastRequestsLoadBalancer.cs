namespace MeshClient.LoadBalancing.LeastRequests;

/// <summary>
/// The instance with the fewest requests in flight relative to its weight; ties go round robin. A pick scans all
/// instances (O(n)); for large services prefer <c>PowerOfTwoChoices</c>, which Envoy uses for the same goal.
/// </summary>
internal sealed class LeastRequestsLoadBalancer : ILoadBalancer
{
    public string Name => LoadBalancerNames.LeastRequests;

    public InstancePicker CreatePicker(LoadBalancerContext context)
        => context.Instances.Count == 0 ? InstancePicker.Empty : new Picker([.. context.Instances], context.Random.NextIndex(context.Instances.Count));

    private sealed class Picker(InstanceState[] instances, int start) : InstancePicker
    {
        private int _cursor = start;

        public override InstanceState? Pick(in PickContext context)
        {
            var n = instances.Length;
            var offset = (int)((uint)Interlocked.Increment(ref _cursor) % (uint)n);
            var best = instances[offset];
            long bestLoad = best.InFlight + 1;
            long bestWeight = best.Instance.Weight;
            for (var k = 1; k < n; k++)
            {
                var candidate = instances[(offset + k) % n];
                long load = candidate.InFlight + 1;
                long weight = candidate.Instance.Weight;
                if (load * bestWeight < bestLoad * weight)
                {
                    (best, bestLoad, bestWeight) = (candidate, load, weight);
                }
            }

            return best;
        }
    }
}
