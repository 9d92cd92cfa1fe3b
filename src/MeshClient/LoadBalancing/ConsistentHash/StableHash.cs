namespace MeshClient.LoadBalancing.ConsistentHash;

/// <summary>A 64-bit hash that is the same in every process (unlike <see cref="string.GetHashCode()"/>): FNV-1a with a murmur3 finaliser.</summary>
internal static class StableHash
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(string key) => Mix(Fnv(Offset, key));

    public static ulong Of(string key, int replica) => Mix(Fnv(Offset, key) ^ ((ulong)(uint)replica * 0x9E3779B97F4A7C15));

    private static ulong Fnv(ulong hash, string key)
    {
        foreach (var c in key)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return hash;
    }

    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccd;
        h ^= h >> 33;
        h *= 0xc4ceb93fe53a87ce;
        h ^= h >> 33;
        return h;
    }
}
