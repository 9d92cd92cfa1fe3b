namespace MeshClient.LoadBalancing.ConsistentHash;

/// <summary>An immutable sorted ring of (hash, instance) points; lookup is a binary search.</summary>
internal sealed class HashRing
{
    private readonly ulong[] _points;
    private readonly InstanceState[] _owners;

    private HashRing(ulong[] points, InstanceState[] owners)
    {
        _points = points;
        _owners = owners;
    }

    /// <summary>Most points kept (16 MB of ring); larger rings get proportionally fewer points per instance.</summary>
    public const int MaxPoints = 1 << 20;

    public int Count => _points.Length;

    public static HashRing Build(IReadOnlyList<InstanceState> instances, int virtualNodes)
    {
        long wanted = 0;
        foreach (var state in instances)
        {
            wanted += (long)virtualNodes * Math.Max(1, state.Instance.Weight);
        }

        var scale = wanted > MaxPoints ? (double)MaxPoints / wanted : 1;
        var counts = new int[instances.Count];
        var total = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = (int)Math.Max(1, Math.Floor((double)virtualNodes * Math.Max(1, instances[i].Instance.Weight) * scale));
            total += counts[i];
        }

        var points = new ulong[total];
        var owners = new InstanceState[total];
        var p = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var state = instances[i];
            var id = state.Instance.InstanceId;
            for (var v = 0; v < counts[i]; v++)
            {
                points[p] = StableHash.Of(id, v);
                owners[p++] = state;
            }
        }

        Array.Sort(points, owners);
        return new HashRing(points, owners);
    }

    public InstanceState Find(ulong hash)
    {
        var index = Array.BinarySearch(_points, hash);
        if (index < 0)
        {
            index = ~index;
        }

        return _owners[index == _points.Length ? 0 : index];
    }
}
