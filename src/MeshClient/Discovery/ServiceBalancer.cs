using MeshClient.Health;
using MeshClient.LoadBalancing;
using MeshClient.LoadBalancing.ZonePreference;
using MeshClient.Resilience;
using Polly;

namespace MeshClient.Discovery;

/// <summary>
/// The immutable balancing state of a service: one <see cref="InstanceState"/> per instance, the picker over the eligible
/// ones (Up, not ejected, breaker closed, or every Up one in panic), the settings it was built with and the call pipeline.
/// </summary>
internal sealed class ServiceBalancer
{
    public static readonly ServiceBalancer Empty = new([], new Dictionary<string, InstanceState>(), InstancePicker.Empty, [], 0, null, null);

    private ServiceBalancer(
        InstanceState[] all,
        Dictionary<string, InstanceState> byId,
        InstancePicker picker,
        IReadOnlyList<InstanceState> candidates,
        int eligible,
        ServiceSettings? settings,
        ResiliencePipeline<HttpResponseMessage>? pipeline)
    {
        All = all;
        ById = byId;
        Picker = picker;
        Candidates = candidates;
        EligibleCount = eligible;
        Settings = settings;
        Pipeline = pipeline;
    }

    public InstanceState[] All { get; }

    public IReadOnlyDictionary<string, InstanceState> ById { get; }

    public InstancePicker Picker { get; }

    /// <summary>Gets the instances the picker was built over (after health, panic and zone filters), for retries that exclude tried ones.</summary>
    public IReadOnlyList<InstanceState> Candidates { get; }

    public int EligibleCount { get; }

    /// <summary>Gets the settings the picker was built with; <see langword="null"/> for <see cref="Empty"/>.</summary>
    public ServiceSettings? Settings { get; }

    /// <summary>Gets the call pipeline (total timeout, retry), or <see langword="null"/> when resilience is off.</summary>
    public ResiliencePipeline<HttpResponseMessage>? Pipeline { get; }

    /// <summary>Gets the call pipeline with Polly's hedging inside the retry, for requests that may be hedged; <see langword="null"/> when hedging is off.</summary>
    public ResiliencePipeline<HttpResponseMessage>? HedgingPipeline { get; private init; }

    /// <summary>Gets a value indicating whether the healthy share was below the panic threshold when built.</summary>
    public bool Panic { get; private init; }

    public int HealthyCount { get; private init; }

    /// <summary>Gets a value indicating whether some candidate was warming up (slow start) when built.</summary>
    public bool Warming { get; private init; }

    public int UpCount { get; private init; }

    /// <summary>Builds the next state: states of staying instances are kept, those of leaving ones dropped.</summary>
    public static ServiceBalancer Build(ServiceCatalog catalog, ServiceEntry entry, ServiceSnapshot? snapshot, ServiceBalancer previous)
    {
        if (snapshot is null || snapshot.Instances.Count == 0)
        {
            return Empty;
        }

        var serviceName = entry.Name;
        var settings = catalog.SettingsFor(serviceName);
        var byId = new Dictionary<string, InstanceState>(snapshot.Instances.Count, StringComparer.Ordinal);
        var slowStart = settings.Health.SlowStart;
        foreach (var instance in snapshot.Instances)
        {
            if (!previous.ById.TryGetValue(instance.InstanceId, out var state))
            {
                state = new InstanceState(instance, catalog.Time);
                if (slowStart.Window > TimeSpan.Zero && previous.All.Length > 0)
                {
                    // Envoy: an instance added to a running service warms up; the first instances of a service do not.
                    state.Health.WarmingSince = Math.Max(1, catalog.Time.GetTimestamp());
                }
            }

            state.Instance = instance;
            state.EwmaDecay = settings.Balancing.EwmaDecay;
            state.DefaultRtt = settings.Balancing.DefaultRtt;
            byId[instance.InstanceId] = state;
        }

        var all = byId.Values.ToArray();
        var eligible = Eligibility.Select(all, settings.Health, out var panic, out var healthy, out var up);
        var chosen = ZonePreferenceFilter.Apply(catalog.Options.Zone, settings.ZonePreference, all, eligible);
        var picker = chosen.Count == 0
            ? InstancePicker.Empty
            : settings.LoadBalancer.CreatePicker(new LoadBalancerContext(serviceName, chosen, settings.Balancing, catalog.Random));
        picker = SlowStart.Apply(picker, chosen, slowStart, catalog.Time, catalog.Random, out var warming);
        var same = ReferenceEquals(previous.Settings?.Resilience, settings.Resilience);
        var pipeline = !settings.Resilience.Enabled ? null
            : previous.Pipeline is { } kept && same ? kept
            : ServicePipeline.Build(settings.Resilience, entry, catalog);
        var hedging = pipeline is null || !settings.Resilience.Hedging.Enabled ? null
            : previous.HedgingPipeline is { } keptHedging && same ? keptHedging
            : ServicePipeline.Build(settings.Resilience, entry, catalog, hedged: true);
        return new ServiceBalancer(all, byId, picker, chosen, eligible.Length, settings, pipeline)
        {
            Panic = panic, HealthyCount = healthy, UpCount = up, Warming = warming, HedgingPipeline = hedging,
        };
    }
}
