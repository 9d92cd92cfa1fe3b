using MeshClient.Discovery;

namespace MeshClient.LoadBalancing.ZonePreference;

/// <summary>Chooses, at picker build time, the instances of the local zone when it is healthy enough, else all eligible ones.</summary>
internal static class ZonePreferenceFilter
{
    /// <param name="zone">The caller's zone, or null.</param>
    /// <param name="options">The zone preference settings.</param>
    /// <param name="all">Every instance of the service, eligible or not.</param>
    /// <param name="eligible">The instances that may take traffic.</param>
    public static IReadOnlyList<InstanceState> Apply(
        string? zone, ZonePreferenceOptions options, IReadOnlyList<InstanceState> all, IReadOnlyList<InstanceState> eligible)
    {
        if (!options.Enabled || string.IsNullOrEmpty(zone) || eligible.Count == 0)
        {
            return eligible;
        }

        var localTotal = 0;
        foreach (var state in all)
        {
            if (InZone(state.Instance, zone))
            {
                localTotal++;
            }
        }

        var local = eligible.Where(s => InZone(s.Instance, zone)).ToArray();
        var needed = Math.Max(options.MinHealthyInstances, (int)Math.Ceiling(localTotal * options.MinHealthyPercent / 100.0));
        return local.Length >= needed && local.Length > 0 ? local : eligible;
    }

    private static bool InZone(ServiceInstance instance, string zone)
        => string.Equals(instance.Zone, zone, StringComparison.OrdinalIgnoreCase);
}
