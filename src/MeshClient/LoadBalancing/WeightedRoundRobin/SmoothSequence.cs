namespace MeshClient.LoadBalancing.WeightedRoundRobin;

/// <summary>Computes one period of nginx's smooth weighted round robin.</summary>
internal static class SmoothSequence
{
    /// <summary>Longest period kept; larger weight sums are scaled down proportionally.</summary>
    public const int MaxLength = 1 << 16;

    public static InstanceState[] Build(IReadOnlyList<InstanceState> instances)
    {
        var weights = new long[instances.Count];
        long gcd = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = Math.Max(1, instances[i].Instance.Weight);
            gcd = Gcd(gcd, weights[i]);
        }

        long total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= gcd;
            total += weights[i];
        }

        if (total > MaxLength)
        {
            var scale = (double)MaxLength / total;
            total = 0;
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = Math.Max(1, (long)Math.Round(weights[i] * scale));
                total += weights[i];
            }
        }

        var current = new long[weights.Length];
        var sequence = new InstanceState[total];
        for (var step = 0; step < sequence.Length; step++)
        {
            var best = 0;
            for (var i = 0; i < weights.Length; i++)
            {
                current[i] += weights[i];
                if (current[i] > current[best])
                {
                    best = i;
                }
            }

            current[best] -= total;
            sequence[step] = instances[best];
        }

        return sequence;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
