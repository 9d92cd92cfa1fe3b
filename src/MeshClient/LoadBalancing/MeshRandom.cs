namespace MeshClient.LoadBalancing;

/// <summary>The injectable, thread-safe source of randomness of balancers; seed it in tests.</summary>
public abstract class MeshRandom
{
    /// <summary>Gets a source backed by <see cref="System.Random.Shared"/>.</summary>
    public static MeshRandom Shared { get; } = new SharedRandom();

    /// <summary>Creates a deterministic source.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The source.</returns>
    public static MeshRandom Create(int seed) => new SeededRandom(seed);

    /// <summary>Returns a number in [0, <paramref name="maxExclusive"/>).</summary>
    /// <param name="maxExclusive">The upper bound, exclusive.</param>
    /// <returns>The number.</returns>
    public abstract int NextIndex(int maxExclusive);

    private sealed class SharedRandom : MeshRandom
    {
        public override int NextIndex(int maxExclusive) => Random.Shared.Next(maxExclusive);
    }

    private sealed class SeededRandom(int seed) : MeshRandom
    {
        private readonly Lock _gate = new();
#pragma warning disable CA5394 // Balancing needs no cryptographic randomness.
        private readonly Random _random = new(seed);

        public override int NextIndex(int maxExclusive)
        {
            lock (_gate)
            {
                return _random.Next(maxExclusive);
            }
        }
#pragma warning restore CA5394
    }
}
