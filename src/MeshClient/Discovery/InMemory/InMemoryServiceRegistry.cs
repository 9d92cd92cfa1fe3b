using Microsoft.Extensions.Primitives;

namespace MeshClient.Discovery.InMemory;

/// <summary>
/// An embedded service registry: register, heartbeat, status, deregister, and lease expiry through <see cref="TimeProvider"/>.
/// The default provider of the demo and of tests; share one instance between hosts to let them find each other.
/// </summary>
public sealed class InMemoryServiceRegistry : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, Lease>> _services = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CancellationTokenSource> _watchers = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;
    private readonly ITimer _evictionTimer;

    /// <summary>Creates a registry.</summary>
    /// <param name="timeProvider">The clock of lease expiry; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public InMemoryServiceRegistry(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _evictionTimer = _time.CreateTimer(
            static state => ((InMemoryServiceRegistry)state!).EvictExpired(), this, InMemoryConstants.EvictionInterval, InMemoryConstants.EvictionInterval);
    }

    /// <summary>Gets the names of the services with at least one registered instance.</summary>
    public IReadOnlyCollection<string> Services
    {
        get
        {
            lock (_gate)
            {
                return [.. _services.Keys];
            }
        }
    }

    /// <summary>Registers an instance, replacing any registration with the same id.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="leaseDuration">How long it stays without a heartbeat; default 90 s.</param>
    public void Register(ServiceInstance instance, TimeSpan? leaseDuration = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var duration = leaseDuration ?? InMemoryConstants.DefaultLeaseDuration;
        lock (_gate)
        {
            if (!_services.TryGetValue(instance.ServiceName, out var instances))
            {
                _services[instance.ServiceName] = instances = new(StringComparer.Ordinal);
            }

            instances[instance.InstanceId] = new Lease(instance, duration, _time.GetUtcNow() + duration);
        }

        Signal(instance.ServiceName);
    }

    /// <summary>Renews the lease of an instance.</summary>
    /// <param name="serviceName">The service.</param>
    /// <param name="instanceId">The instance.</param>
    /// <returns><see langword="false"/> when the registry does not know the instance (it expired or was never registered).</returns>
    public bool Renew(string serviceName, string instanceId)
    {
        lock (_gate)
        {
            if (!TryGetLease(serviceName, instanceId, out var instances, out var lease))
            {
                return false;
            }

            instances[instanceId] = lease with { ExpiresAt = _time.GetUtcNow() + lease.Duration };
            return true;
        }
    }

    /// <summary>Sets the status of an instance.</summary>
    /// <param name="serviceName">The service.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="status">The new status.</param>
    /// <returns><see langword="false"/> when the registry does not know the instance.</returns>
    public bool SetStatus(string serviceName, string instanceId, InstanceStatus status)
    {
        lock (_gate)
        {
            if (!TryGetLease(serviceName, instanceId, out var instances, out var lease))
            {
                return false;
            }

            instances[instanceId] = lease with { Instance = lease.Instance.WithStatus(status) };
        }

        Signal(serviceName);
        return true;
    }

    /// <summary>Removes an instance.</summary>
    /// <param name="serviceName">The service.</param>
    /// <param name="instanceId">The instance.</param>
    /// <returns><see langword="false"/> when the registry did not know it.</returns>
    public bool Deregister(string serviceName, string instanceId)
    {
        lock (_gate)
        {
            if (!TryGetLease(serviceName, instanceId, out var instances, out _))
            {
                return false;
            }

            instances.Remove(instanceId);
            if (instances.Count == 0)
            {
                _services.Remove(serviceName);
            }
        }

        Signal(serviceName);
        return true;
    }

    /// <summary>Returns the registered instances of a service (expired leases excluded), or an empty list.</summary>
    /// <param name="serviceName">The service.</param>
    /// <returns>The instances, whatever their status.</returns>
    public IReadOnlyList<ServiceInstance> GetInstances(string serviceName)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            return _services.TryGetValue(serviceName, out var instances)
                ? [.. instances.Values.Where(l => l.ExpiresAt > now).Select(l => l.Instance)]
                : [];
        }
    }

    /// <summary>Returns a token that fires at the next change of a service's instances.</summary>
    /// <param name="serviceName">The service.</param>
    /// <returns>The change token.</returns>
    public IChangeToken Watch(string serviceName)
    {
        lock (_gate)
        {
            if (!_watchers.TryGetValue(serviceName, out var source))
            {
                _watchers[serviceName] = source = new CancellationTokenSource();
            }

            return new CancellationChangeToken(source.Token);
        }
    }

    /// <summary>Removes the instances whose lease expired; runs on a timer and may be called by tests.</summary>
    public void EvictExpired()
    {
        var now = _time.GetUtcNow();
        List<string>? changed = null;
        lock (_gate)
        {
            foreach (var (name, instances) in _services)
            {
                foreach (var (id, lease) in instances)
                {
                    if (lease.ExpiresAt <= now)
                    {
                        instances.Remove(id);
                        (changed ??= []).Add(name);
                    }
                }
            }

            foreach (var name in changed ?? [])
            {
                if (_services.TryGetValue(name, out var left) && left.Count == 0)
                {
                    _services.Remove(name);
                }
            }
        }

        foreach (var name in changed?.Distinct(StringComparer.OrdinalIgnoreCase) ?? [])
        {
            Signal(name);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _evictionTimer.Dispose();
        lock (_gate)
        {
            foreach (var source in _watchers.Values)
            {
                source.Dispose();
            }

            _watchers.Clear();
        }
    }

    private bool TryGetLease(string serviceName, string instanceId, out Dictionary<string, Lease> instances, out Lease lease)
    {
        lease = default;
        return _services.TryGetValue(serviceName, out instances!) && instances.TryGetValue(instanceId, out lease)
            && lease.ExpiresAt > _time.GetUtcNow();
    }

    private void Signal(string serviceName)
    {
        CancellationTokenSource? source;
        lock (_gate)
        {
            if (_watchers.Remove(serviceName, out source) is false)
            {
                return;
            }
        }

        source.Cancel();
        source.Dispose();
    }

    private readonly record struct Lease(ServiceInstance Instance, TimeSpan Duration, DateTimeOffset ExpiresAt);
}
