using MeshClient.LoadBalancing;
using MeshClient.LoadBalancing.ZonePreference;

namespace MeshClient.Discovery;

/// <summary>The immutable balancing state of a service: one <see cref="InstanceState"/> per instance, and the picker.</summary>
internal sealed class ServiceBalancer
{
    public static readonly ServiceBalancer Empty = new([], new Dictionary<string, InstanceState>(), InstancePicker.Empty, 0);

    private ServiceBalancer(InstanceState[] all, Dictionary<string, InstanceState> byId, InstancePicker picker, int eligible)
    {
        All = all;
        ById = byId;
        Picker = picker;
        EligibleCount = eligible;
    }

    public InstanceState[] All { get; }

    public IReadOnlyDictionary<string, InstanceState> ById { get; }

    public InstancePicker Picker { get; }

    public int EligibleCount { get; }

    /// <summary>Builds the next state: states of staying instances are kept, those of leaving ones dropped.</summary>
    public static ServiceBalancer Build(ServiceCatalog catalog, string serviceName, ServiceSnapshot? snapshot, ServiceBalancer previous)
    {
        if (snapshot is null || snapshot.Instances.Count == 0)
        {
            return Empty;
        }

        var settings = catalog.SettingsFor(serviceName);
        var byId = new Dictionary<string, InstanceState>(snapshot.Instances.Count, StringComparer.Ordinal);
        foreach (var instance in snapshot.Instances)
        {
            if (!previous.ById.TryGetValue(instance.InstanceId, out var state))
            {
                state = new InstanceState(instance, catalog.Time);
            }

            state.Instance = instance;
            state.EwmaDecay = settings.Balancing.EwmaDecay;
            state.DefaultRtt = settings.Balancing.DefaultRtt;
            byId[instance.InstanceId] = state;
        }

        var all = byId.Values.ToArray();
        var eligible = Array.FindAll(all, static s => s.Instance.Status == Discovery.InstanceStatus.Up);
        var chosen = ZonePreferenceFilter.Apply(catalog.Options.Zone, settings.ZonePreference, all, eligible);
        var picker = chosen.Count == 0
            ? InstancePicker.Empty
            : settings.LoadBalancer.CreatePicker(new LoadBalancerContext(serviceName, chosen, settings.Balancing, catalog.Random));
        return new ServiceBalancer(all, byId, picker, eligible.Length);
    }
}
