using MeshClient.LoadBalancing;

namespace MeshClient.Resilience;

/// <summary>
/// Picks for a retry an instance not tried yet: the balancer's pick when it is new, else a few more picks, else a scan of
/// the eligible instances from a random offset; when every one was tried, the last pick (the same instance again after
/// backoff). Allocation-free.
/// </summary>
internal static class InstanceExclusion
{
    public static InstanceState Pick(InstancePicker picker, IReadOnlyList<InstanceState> candidates, in PickContext context, AttemptLog? tried, InstanceState first, MeshRandom random)
    {
        if (tried is null || !tried.Contains(first))
        {
            return first;
        }

        for (var i = 0; i < ResilienceConstants.ExclusionRepicks; i++)
        {
            if (picker.Pick(context) is { } next && !tried.Contains(next))
            {
                return next;
            }
        }

        var count = candidates.Count;
        if (count > 0)
        {
            var offset = random.NextIndex(count);
            for (var i = 0; i < count; i++)
            {
                var candidate = candidates[(offset + i) % count];
                if (!tried.Contains(candidate))
                {
                    return candidate;
                }
            }
        }

        return first;
    }
}
