using System.Collections.Concurrent;

namespace MeshClient.Prometheus;

/// <summary>Bounds the values of the <c>mesh_instance</c> label: the first N distinct ids keep theirs, later ones become <c>other</c>.</summary>
internal sealed class InstanceLabelLimiter(MeshPrometheusOptions options)
{
    private readonly ConcurrentDictionary<string, byte> _admitted = new(StringComparer.Ordinal);
    private int _count;

    public string Map(string instanceId)
    {
        if (options.IncludeInstanceIds || instanceId.Length == 0 || _admitted.ContainsKey(instanceId))
        {
            return instanceId;
        }

        if (Interlocked.Increment(ref _count) > options.MaxInstanceIds)
        {
            Interlocked.Decrement(ref _count);
            return PrometheusConstants.OtherInstance;
        }

        if (!_admitted.TryAdd(instanceId, 0))
        {
            Interlocked.Decrement(ref _count);
        }

        return instanceId;
    }
}
