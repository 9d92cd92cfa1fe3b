using System.Collections.Frozen;
using MeshClient.Eureka.Wire;

namespace MeshClient.Eureka.Discovery;

/// <summary>The immutable local copy of the Eureka registry: every application with every instance, whatever its status.</summary>
internal sealed class EurekaRegistry
{
    public static readonly EurekaRegistry Empty = new(FrozenDictionary<string, EurekaInstance[]>.Empty, -1);

    private EurekaRegistry(FrozenDictionary<string, EurekaInstance[]> apps, long version)
    {
        Apps = apps;
        Version = version;
        Hashcode = EurekaHashcode.Compute(apps.Values.SelectMany(static i => i));
    }

    /// <summary>Gets the applications by name (case-insensitive: Eureka names are upper case).</summary>
    public FrozenDictionary<string, EurekaInstance[]> Apps { get; }

    /// <summary>Gets the <c>versions__delta</c> of the last applied document.</summary>
    public long Version { get; }

    /// <summary>Gets the hashcode of this copy, to compare with the server's <c>apps__hashcode</c>.</summary>
    public string Hashcode { get; }

    public int InstanceCount => Apps.Values.Sum(static a => a.Length);

    /// <summary>Builds a copy from a full fetch (<c>GET apps</c>).</summary>
    public static EurekaRegistry FromFull(EurekaApplications full)
    {
        var apps = new Dictionary<string, Dictionary<string, EurekaInstance>>(StringComparer.OrdinalIgnoreCase);
        foreach (var application in full.Applications)
        {
            foreach (var instance in application.Instances)
            {
                Upsert(apps, AppOf(application, instance), instance);
            }
        }

        return new EurekaRegistry(Freeze(apps), full.VersionsDelta);
    }

    /// <summary>Applies a delta (<c>GET apps/delta</c>): ADDED and MODIFIED upsert by id, DELETED removes; idempotent.</summary>
    public EurekaRegistry ApplyDelta(EurekaApplications delta, ISet<string> changedApps)
    {
        var apps = new Dictionary<string, Dictionary<string, EurekaInstance>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (app, instances) in Apps)
        {
            foreach (var instance in instances)
            {
                Upsert(apps, app, instance);
            }
        }

        foreach (var application in delta.Applications)
        {
            foreach (var instance in application.Instances)
            {
                var app = AppOf(application, instance);
                if (instance.Id is not { } id)
                {
                    continue;
                }

                if (instance.ActionType == "DELETED")
                {
                    if (apps.TryGetValue(app, out var existing) && existing.Remove(id) && existing.Count == 0)
                    {
                        apps.Remove(app);
                    }
                }
                else
                {
                    Upsert(apps, app, instance);
                }

                changedApps.Add(app);
            }
        }

        return new EurekaRegistry(Freeze(apps), delta.VersionsDelta);
    }

    private static string AppOf(EurekaApplication application, EurekaInstance instance)
        => (instance.App ?? application.Name ?? string.Empty).ToUpperInvariant();

    private static void Upsert(Dictionary<string, Dictionary<string, EurekaInstance>> apps, string app, EurekaInstance instance)
    {
        if (!apps.TryGetValue(app, out var instances))
        {
            apps[app] = instances = new(StringComparer.Ordinal);
        }

        instances[instance.Id ?? string.Empty] = instance;
    }

    private static FrozenDictionary<string, EurekaInstance[]> Freeze(Dictionary<string, Dictionary<string, EurekaInstance>> apps)
        => apps.Where(static p => p.Value.Count > 0).ToFrozenDictionary(static p => p.Key, static p => p.Value.Values.ToArray(), StringComparer.OrdinalIgnoreCase);
}
