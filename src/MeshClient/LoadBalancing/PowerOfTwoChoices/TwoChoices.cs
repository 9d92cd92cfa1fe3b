namespace MeshClient.LoadBalancing.PowerOfTwoChoices;

/// <summary>Draws two distinct random instances (needs at least two).</summary>
internal static class TwoChoices
{
    public static (InstanceState First, InstanceState Second) Pick(InstanceState[] instances, MeshRandom random)
    {
        var first = random.NextIndex(instances.Length);
        var second = random.NextIndex(instances.Length - 1);
        if (second >= first)
        {
            second++;
        }

        return (instances[first], instances[second]);
    }
}
