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
            var turn = (uint)Interlocked.Increment(ref _cursor);

            // First pass: the lowest load per unit of weight, and how many instances share it.
            var best = instances[0];
            long bestLoad = best.InFlight + 1;
            long bestWeight = best.Instance.Weight;
            var ties = 1;
            for (var i = 1; i < instances.Length; i++)
            {
                var candidate = instances[i];
                long load = candidate.InFlight + 1;
                long weight = candidate.Instance.Weight;
                var diff = (load * bestWeight) - (bestLoad * weight);
                if (diff < 0)
                {
                    (best, bestLoad, bestWeight, ties) = (candidate, load, weight, 1);
                }
                else if (diff == 0)
                {
                    ties++;
                }
            }

            if (ties == 1)
            {
                return best;
            }

            // Second pass: the turn-th of the tied instances, so that each of them gets its share in turn.
            var skip = (int)(turn % (uint)ties);
            foreach (var candidate in instances)
            {
                if ((candidate.InFlight + 1L) * bestWeight == bestLoad * candidate.Instance.Weight && skip-- == 0)
                {
                    return candidate;
                }
            }

            return best; // loads moved between the passes
        }
    }
}
