namespace MeshClient.Anomaly;

/// <summary>
/// The values of one bucket of every instance series, grouped by service and kind, so that each instance can be compared
/// with the median of its peers in the same bucket. Closing thread only; the lists are reused from bucket to bucket.
/// </summary>
internal sealed class PeerGroups
{
    private readonly Dictionary<string, List<double>[]> _groups = new(StringComparer.Ordinal);

    public void Clear()
    {
        foreach (var lists in _groups.Values)
        {
            foreach (var list in lists)
            {
                list.Clear();
            }
        }
    }

    public void Add(string serviceName, AnomalySeriesKind kind, double value)
    {
        if (!_groups.TryGetValue(serviceName, out var lists))
        {
            lists = [[], [], [], []];
            _groups[serviceName] = lists;
        }

        lists[(int)kind].Add(value);
    }

    /// <summary>Sorts every group; call once after the last <see cref="Add"/> of a bucket.</summary>
    public void Seal()
    {
        foreach (var lists in _groups.Values)
        {
            foreach (var list in lists)
            {
                list.Sort();
            }
        }
    }

    /// <summary>
    /// The median of the values of the other instances and how many they are; <paramref name="ownIncluded"/> says whether
    /// <paramref name="own"/> was added to the group (an instance with too few requests is judged against all of it).
    /// </summary>
    public PeerMedian MedianOfOthers(string serviceName, AnomalySeriesKind kind, double own, bool ownIncluded)
    {
        if (!_groups.TryGetValue(serviceName, out var lists) || lists[(int)kind] is not { Count: > 0 } sorted)
        {
            return default;
        }

        var self = ownIncluded ? sorted.BinarySearch(own) : -1;
        if (ownIncluded && self < 0)
        {
            return default;
        }

        var skip = self < 0 ? int.MaxValue : self;
        var others = self < 0 ? sorted.Count : sorted.Count - 1;
        if (others == 0)
        {
            return default;
        }

        var median = others % 2 == 1 ? At(others / 2) : (At((others / 2) - 1) + At(others / 2)) / 2;
        return new PeerMedian(median, others);

        double At(int k) => k < skip ? sorted[k] : sorted[k + 1];
    }
}

/// <summary>The median of an instance's peers in one bucket; <see cref="Count"/> 0 when there is none.</summary>
internal readonly record struct PeerMedian(double Median, int Count);
