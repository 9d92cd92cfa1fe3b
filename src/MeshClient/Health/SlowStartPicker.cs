using MeshClient.LoadBalancing;

namespace MeshClient.Health;

/// <summary>
/// A picker over an algorithm's picker while some instances warm up: a pick of a warming instance is kept with
/// probability equal to its warm factor, else the algorithm picks again (a few times at most), which scales the
/// instance's effective weight by the factor whatever the algorithm. O(1), lock-free, allocation-free.
/// </summary>
internal sealed class SlowStartPicker(InstancePicker inner, MeshRandom random) : InstancePicker
{
    private const int Resolution = 1 << 16;

    public override InstanceState? Pick(in PickContext context)
    {
        var pick = inner.Pick(context);
        for (var i = 0; i < HealthConstants.SlowStartRepicks && pick is not null; i++)
        {
            var factor = pick.Health.WarmFactor;
            if (factor >= 1.0 || random.NextIndex(Resolution) < factor * Resolution)
            {
                return pick;
            }

            pick = inner.Pick(context);
        }

        return pick;
    }
}
