using System.Globalization;
using Microsoft.Extensions.Logging;
using static MeshClient.Testing.Eureka.EurekaServerConstants;

namespace MeshClient.Testing.Eureka;

/// <summary>
/// The registry of the in-process Eureka server, following <c>AbstractInstanceRegistry</c>: leases, the status override
/// rules, the recently-changed queue behind deltas, and eviction through <see cref="TimeProvider"/>. Every change of a
/// registration is logged, one line each.
/// </summary>
internal sealed partial class EurekaServerRegistry(TimeProvider time, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, EurekaServerLease>> _apps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _overrides = new(StringComparer.Ordinal);
    private readonly List<(EurekaTestInstance Instance, DateTimeOffset At)> _recentlyChanged = [];
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    /// <summary>Registers as <c>POST apps/{APP}</c> does; an existing lease with a newer dirty timestamp keeps its record.</summary>
    public void Register(EurekaTestInstance registrant)
    {
        lock (_gate)
        {
            var now = Now;
            var app = registrant.App.ToUpperInvariant();
            var existing = Find(app, registrant.InstanceId);
            if (existing is not null && existing.Instance.LastDirtyTimestamp > registrant.LastDirtyTimestamp)
            {
                registrant = existing.Instance;
            }

            if (registrant.OverriddenStatus != Unknown)
            {
                _overrides.TryAdd(registrant.InstanceId, registrant.OverriddenStatus);
            }

            var overridden = _overrides.GetValueOrDefault(registrant.InstanceId, Unknown);
            var status = Rules(registrant.Status, overridden, existing?.Instance.Status);
            var lease = new EurekaServerLease(now, TimeSpan.FromSeconds(registrant.DurationInSecs > 0 ? registrant.DurationInSecs : 90));
            var serviceUp = existing?.Instance.ServiceUpTimestamp ?? 0;
            lease.Instance = registrant with
            {
                App = app,
                Status = status,
                OverriddenStatus = overridden,
                ActionType = Added,
                RegistrationTimestamp = now.ToUnixTimeMilliseconds(),
                LastRenewalTimestamp = now.ToUnixTimeMilliseconds(),
                LastUpdatedTimestamp = now.ToUnixTimeMilliseconds(),
                ServiceUpTimestamp = serviceUp == 0 && status == Up ? now.ToUnixTimeMilliseconds() : serviceUp,
            };
            if (!_apps.TryGetValue(app, out var leases))
            {
                _apps[app] = leases = new(StringComparer.Ordinal);
            }

            leases[registrant.InstanceId] = lease;
            Changed(lease.Instance);
            Log.Registered(logger, app, registrant.InstanceId, AddressOf(lease.Instance), status);
        }
    }

    /// <summary>Renews as <c>PUT apps/{APP}/{ID}</c>: 404 when unknown, when the rules resolve to UNKNOWN, or when the caller's dirty timestamp is newer.</summary>
    public int Renew(string app, string id, long? lastDirtyTimestamp)
    {
        lock (_gate)
        {
            if (Find(app, id) is not { } lease)
            {
                return 404;
            }

            var instance = lease.Instance;
            var status = Rules(instance.Status, _overrides.GetValueOrDefault(id, Unknown), instance.Status);
            if (status == Unknown)
            {
                return 404;
            }

            var now = Now;
            lease.LastUpdate = now + lease.Duration;
            lease.Instance = instance with { Status = status, LastRenewalTimestamp = now.ToUnixTimeMilliseconds() };
            return lastDirtyTimestamp is { } dirty && dirty > instance.LastDirtyTimestamp ? 404 : 200;
        }
    }

    /// <summary>Cancels as <c>DELETE apps/{APP}/{ID}</c>.</summary>
    public int Cancel(string app, string id)
    {
        lock (_gate)
        {
            if (!Remove(app, id))
            {
                return 404;
            }

            Log.Cancelled(logger, app.ToUpperInvariant(), id);
            return 200;
        }
    }

    /// <summary>Sets a status override as <c>PUT apps/{APP}/{ID}/status?value=</c>; it wins until deleted.</summary>
    public int SetOverride(string app, string id, string value, long? lastDirtyTimestamp)
    {
        lock (_gate)
        {
            if (Find(app, id) is not { } lease)
            {
                return 404;
            }

            _overrides[id] = value;
            Modify(lease, lease.Instance with { OverriddenStatus = value, Status = value, LastDirtyTimestamp = lastDirtyTimestamp ?? lease.Instance.LastDirtyTimestamp });
            Log.Overridden(logger, lease.Instance.App, id, value);
            return 200;
        }
    }

    /// <summary>Removes the override as <c>DELETE apps/{APP}/{ID}/status[?value=]</c>; the status becomes <paramref name="value"/> or UNKNOWN.</summary>
    public int DeleteOverride(string app, string id, string? value)
    {
        lock (_gate)
        {
            if (Find(app, id) is not { } lease)
            {
                return 404;
            }

            _overrides.Remove(id);
            Modify(lease, lease.Instance with { OverriddenStatus = Unknown, Status = NormalizeStatus(value) });
            Log.OverrideRemoved(logger, lease.Instance.App, id, lease.Instance.Status);
            return 200;
        }
    }

    /// <summary>Merges metadata as <c>PUT apps/{APP}/{ID}/metadata</c>, which re-registers on the server (ADDED in deltas).</summary>
    public int UpdateMetadata(string app, string id, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        lock (_gate)
        {
            if (Find(app, id) is not { } lease)
            {
                return 404;
            }

            var metadata = new Dictionary<string, string>(lease.Instance.Metadata, StringComparer.Ordinal);
            var keys = new List<string>();
            foreach (var (key, value) in pairs)
            {
                metadata[key] = value;
                keys.Add(key);
            }

            Modify(lease, lease.Instance with { Metadata = metadata }, Added);
            Log.MetadataUpdated(logger, lease.Instance.App, id, string.Join(", ", keys));
            return 200;
        }
    }

    /// <summary>Evicts expired leases (as <c>Lease.isExpired</c>, whose renew adds the duration twice); returns how many.</summary>
    public int EvictExpired()
    {
        lock (_gate)
        {
            var now = Now;
            var expired = _apps.Values.SelectMany(static l => l.Values).Where(l => now > l.LastUpdate + l.Duration).Select(static l => l.Instance).ToArray();
            foreach (var instance in expired)
            {
                Remove(instance.App, instance.InstanceId);
                Log.Evicted(logger, instance.App, instance.InstanceId);
            }

            return expired.Length;
        }
    }

    public void ClearRecentlyChanged()
    {
        lock (_gate)
        {
            _recentlyChanged.Clear();
        }
    }

    public EurekaTestInstance? Get(string app, string id)
    {
        lock (_gate)
        {
            return Find(app, id)?.Instance;
        }
    }

    public IReadOnlyList<EurekaTestInstance> All()
    {
        lock (_gate)
        {
            return [.. _apps.Values.SelectMany(static l => l.Values).Select(static l => l.Instance)];
        }
    }

    /// <summary>The changes still in the queue, the latest per instance, in order.</summary>
    public IReadOnlyList<EurekaTestInstance> Delta()
    {
        lock (_gate)
        {
            var cutoff = Now - DeltaRetention;
            _recentlyChanged.RemoveAll(c => c.At < cutoff);
            var latest = new Dictionary<string, EurekaTestInstance>(StringComparer.Ordinal);
            foreach (var (instance, _) in _recentlyChanged)
            {
                latest.Remove(instance.InstanceId);
                latest[instance.InstanceId] = instance;
            }

            return [.. latest.Values];
        }
    }

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The override rules, first match wins: DOWN/STARTING pass; an override wins; an existing UP/OUT_OF_SERVICE lease keeps its status.</summary>
    private static string Rules(string status, string overridden, string? existingStatus)
    {
        if (status is not (Up or OutOfService))
        {
            return status;
        }

        if (overridden != Unknown)
        {
            return overridden;
        }

        return existingStatus is Up or OutOfService ? existingStatus : status;
    }

    /// <summary>The address clients use: the enabled secure port (https), else the port (http).</summary>
    private static string AddressOf(EurekaTestInstance i) => i.SecurePortEnabled
        ? string.Create(CultureInfo.InvariantCulture, $"https://{i.HostName}:{i.SecurePort}")
        : string.Create(CultureInfo.InvariantCulture, $"http://{i.HostName}:{i.Port}");

    private EurekaServerLease? Find(string app, string id)
        => _apps.TryGetValue(app.ToUpperInvariant(), out var leases) && leases.TryGetValue(id, out var lease) ? lease : null;

    private void Modify(EurekaServerLease lease, EurekaTestInstance updated, string actionType = Modified)
    {
        lease.Instance = updated with { ActionType = actionType, LastUpdatedTimestamp = Now.ToUnixTimeMilliseconds() };
        Changed(lease.Instance);
    }

    private bool Remove(string app, string id)
    {
        if (!_apps.TryGetValue(app.ToUpperInvariant(), out var leases) || !leases.Remove(id, out var lease))
        {
            return false;
        }

        if (leases.Count == 0)
        {
            _apps.Remove(app.ToUpperInvariant());
        }

        _overrides.Remove(id);
        Changed(lease.Instance with { ActionType = Deleted, LastUpdatedTimestamp = Now.ToUnixTimeMilliseconds() });
        return true;
    }

    private void Changed(EurekaTestInstance instance)
    {
        _recentlyChanged.Add((instance, Now));
        Interlocked.Increment(ref _version);
    }
}
