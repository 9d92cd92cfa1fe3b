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

    public int Count => _points.Length;

    public static HashRing Build(IReadOnlyList<InstanceState> instances, int virtualNodes)
    {
        var total = 0;
        foreach (var state in instances)
        {
            total += virtualNodes * Math.Max(1, state.Instance.Weight);
        }

        var points = new ulong[total];
        var owners = new InstanceState[total];
        var p = 0;
        foreach (var state in instances)
        {
            var id = state.Instance.InstanceId;
            var count = virtualNodes * Math.Max(1, state.Instance.Weight);
            for (var v = 0; v < count; v++)
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
