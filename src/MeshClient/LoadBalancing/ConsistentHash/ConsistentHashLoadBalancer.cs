using MeshClient.Http;

namespace MeshClient.LoadBalancing.ConsistentHash;

/// <summary>
/// A ketama-style hash ring with <c>VirtualNodes</c> points per unit of weight: adding one instance to N moves about
/// 1/(N+1) of the keys. The key comes from <see cref="PickContext.HashKey"/>, the request option
/// <see cref="MeshRequestOptions.HashKey"/> or the header named by <c>HashHeader</c>; requests without a key are spread at random.
/// </summary>
internal sealed class ConsistentHashLoadBalancer : ILoadBalancer
{
    public string Name => LoadBalancerNames.ConsistentHash;

    public InstancePicker CreatePicker(LoadBalancerContext context)
        => context.Instances.Count == 0
            ? InstancePicker.Empty
            : new Picker(HashRing.Build(context.Instances, context.Options.VirtualNodes), [.. context.Instances], context.Options.HashHeader, context.Random);

    private sealed class Picker(HashRing ring, InstanceState[] instances, string? header, MeshRandom random) : InstancePicker
    {
        public override InstanceState? Pick(in PickContext context)
        {
            var key = KeyOf(context);
            return key is null ? instances[random.NextIndex(instances.Length)] : ring.Find(StableHash.Of(key));
        }

        private string? KeyOf(in PickContext context)
        {
            if (context.HashKey is { } key)
            {
                return key;
            }

            if (context.Request is not { } request)
            {
                return null;
            }

            if (request.Options.TryGetValue(MeshRequestOptions.HashKey, out var option))
            {
                return option;
            }

            return header is not null && request.Headers.NonValidated.TryGetValues(header, out var values) ? values.ToString() : null;
        }
    }
}
