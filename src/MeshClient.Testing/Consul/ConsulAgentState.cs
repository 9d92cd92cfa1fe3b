using Microsoft.Extensions.Logging;
using static MeshClient.Testing.Consul.ConsulAgentConstants;

namespace MeshClient.Testing.Consul;

/// <summary>
/// The agent's services and checks with Consul's rules: a raft-like index bumped by every visible change (recorded per
/// service for blocking queries), TTL expiry, maintenance checks, reaping of critical services, forgetting everything.
/// Every registration change is logged at Information.
/// </summary>
internal sealed partial class ConsulAgentState(TimeProvider time, Action<ConsulAgentCheckRecord> startHttpCheck, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ConsulAgentServiceRecord> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConsulAgentCheckRecord> _checks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ulong> _serviceIndex = new(StringComparer.OrdinalIgnoreCase);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ulong _index = 100;

    /// <summary>Gets the highest index of the agent.</summary>
    public ulong Index
    {
        get
        {
            lock (_gate)
            {
                return _index;
            }
        }
    }

    /// <summary>Gets a task that completes at the next change.</summary>
    public Task NextChange
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    public void RegisterService(ConsulAgentServiceRecord service, IReadOnlyList<ConsulAgentCheckRecord> checks, bool replaceExistingChecks)
    {
        lock (_gate)
        {
            var index = Bump(service.Name);
            service.CreateIndex = _services.TryGetValue(service.Id, out var existing) ? existing.CreateIndex : index;
            service.ModifyIndex = index;
            if (existing is not null && !string.Equals(existing.Name, service.Name, StringComparison.Ordinal))
            {
                Bump(existing.Name);
            }

            _services[service.Id] = service;
            if (replaceExistingChecks)
            {
                foreach (var stale in _checks.Values.Where(c => c.ServiceId == service.Id && !c.Id.StartsWith(MaintenancePrefix, StringComparison.Ordinal)).ToArray())
                {
                    RemoveCheck(stale.Id);
                }
            }

            foreach (var check in checks)
            {
                AddCheck(check, index);
            }

            Log.Registered(logger, service.Name, service.Id, service.Address, service.Port, checks.Count);
        }
    }

    public void AddCheck(ConsulAgentCheckRecord check)
    {
        lock (_gate)
        {
            if (check.ServiceId.Length > 0 && !_services.ContainsKey(check.ServiceId))
            {
                throw new ConsulAgentRejection(400, $"ServiceID \"{check.ServiceId}\" does not exist");
            }

            AddCheck(check, Bump(ServiceName(check.ServiceId)));
            Log.CheckRegistered(logger, check.Id, check.Type, check.Status);
        }
    }

    public void DeregisterService(string id)
    {
        lock (_gate)
        {
            if (!_services.Remove(id, out var service))
            {
                throw ConsulAgentRejection.UnknownService(id);
            }

            foreach (var check in _checks.Values.Where(c => c.ServiceId == id).ToArray())
            {
                RemoveCheck(check.Id);
            }

            Bump(service.Name);
            Log.Deregistered(logger, service.Name, id);
        }
    }

    public void DeregisterCheck(string id)
    {
        lock (_gate)
        {
            var check = RemoveCheck(id) ?? throw new ConsulAgentRejection(404, $"Unknown check ID \"{id}\". Ensure that the check ID is passed, not the check name.");
            Bump(ServiceName(check.ServiceId));
            Log.CheckDeregistered(logger, id);
        }
    }

    /// <summary>A TTL update (pass/warn/fail/update): resets the TTL clock; unknown or non-TTL checks are refused.</summary>
    public void UpdateTtl(string id, string status, string output, bool legacyErrors)
    {
        lock (_gate)
        {
            if (!_checks.TryGetValue(id, out var check) || check.Ttl is not { } ttl)
            {
                throw check is null ? ConsulAgentRejection.UnknownCheck(id, legacyErrors) : new ConsulAgentRejection(500, $"CheckID \"{id}\" does not have associated TTL");
            }

            check.TtlDeadline = time.GetUtcNow() + ttl;
            SetResult(check, status, output);
        }
    }

    /// <summary>Sets a check's result (HTTP checks, tests); unknown checks are ignored.</summary>
    public void SetResult(string id, string status, string output)
    {
        lock (_gate)
        {
            if (_checks.TryGetValue(id, out var check))
            {
                SetResult(check, status, output);
            }
        }
    }

    public void SetMaintenance(string serviceId, bool enable, string? reason)
    {
        lock (_gate)
        {
            if (!_services.TryGetValue(serviceId, out var service))
            {
                throw ConsulAgentRejection.UnknownService(serviceId);
            }

            var id = MaintenancePrefix + serviceId;
            if (enable && !_checks.ContainsKey(id))
            {
                AddCheck(new ConsulAgentCheckRecord
                {
                    Id = id, Name = "Service Maintenance Mode", Notes = string.IsNullOrEmpty(reason) ? DefaultMaintenanceReason : reason,
                    Status = Critical, ServiceId = serviceId, ServiceName = service.Name, ServiceTags = service.Tags, Type = "maintenance",
                }, Bump(service.Name));
                Log.MaintenanceOn(logger, serviceId, string.IsNullOrEmpty(reason) ? DefaultMaintenanceReason : reason);
            }
            else if (!enable && RemoveCheck(id) is not null)
            {
                Bump(service.Name);
                Log.MaintenanceOff(logger, serviceId);
            }
        }
    }

    /// <summary>The instances of a service with their checks (node check first), filtered as <c>?passing</c> and <c>?tag=</c> do, and the result index.</summary>
    public (List<(ConsulAgentServiceRecord Service, List<ConsulAgentCheckRecord> Checks)> Entries, ulong Index) Health(string name, bool passing, IReadOnlyList<string> tags)
    {
        lock (_gate)
        {
            var entries = new List<(ConsulAgentServiceRecord, List<ConsulAgentCheckRecord>)>();
            foreach (var service in _services.Values.Where(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)).OrderBy(static s => s.Id, StringComparer.Ordinal))
            {
                var checks = _checks.Values.Where(c => c.ServiceId == service.Id).OrderBy(static c => c.Id, StringComparer.Ordinal).ToList();
                if ((passing && checks.Any(static c => c.Status != Passing)) || !tags.All(t => service.Tags.Contains(t, StringComparer.Ordinal)))
                {
                    continue;
                }

                entries.Add((service, checks));
            }

            // An unknown service answers with the index of the whole table, which moves with every change anywhere.
            return (entries, _serviceIndex.TryGetValue(name, out var index) ? index : _index);
        }
    }

    public ConsulAgentServiceRecord[] Services()
    {
        lock (_gate)
        {
            return [.. _services.Values.OrderBy(static s => s.Id, StringComparer.Ordinal)];
        }
    }

    public ConsulAgentCheckRecord[] Checks()
    {
        lock (_gate)
        {
            return [.. _checks.Values.OrderBy(static c => c.Id, StringComparer.Ordinal)];
        }
    }

    /// <summary>TTL checks not updated within their TTL turn critical.</summary>
    public void ExpireTtls()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (var check in _checks.Values)
            {
                if (check.TtlDeadline is { } deadline && deadline <= now && check.Status != Critical)
                {
                    var output = check.Output.Length == 0 ? "TTL expired" : "TTL expired (last output before timeout follows): " + check.Output;
                    SetResult(check, Critical, output);
                }
            }
        }
    }

    /// <summary>Deregisters the services whose check stayed critical past its <c>DeregisterCriticalServiceAfter</c>.</summary>
    public int Reap()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var doomed = _checks.Values
                .Where(c => c.DeregisterAfter is { } after && c.CriticalSince is { } since && now - since >= after && _services.ContainsKey(c.ServiceId))
                .Select(static c => c.ServiceId).Distinct().ToArray();
            foreach (var id in doomed)
            {
                Log.Reaping(logger, id);
                DeregisterService(id);
            }

            return doomed.Length;
        }
    }

    /// <summary>Forgets every service and check, as an agent restarted with an empty data dir.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            foreach (var check in _checks.Values)
            {
                check.Timer?.Dispose();
            }

            var names = _services.Values.Select(static s => s.Name).Distinct().ToArray();
            _services.Clear();
            _checks.Clear();
            foreach (var name in names)
            {
                Bump(name);
            }
        }
    }

    private void AddCheck(ConsulAgentCheckRecord check, ulong index)
    {
        if (_checks.Remove(check.Id, out var existing))
        {
            existing.Timer?.Dispose();
            check.Status = existing.Status;
            check.Output = existing.Output;
            check.CreateIndex = existing.CreateIndex;
        }
        else
        {
            check.CreateIndex = index;
        }

        check.ModifyIndex = index;
        check.CriticalSince = check.Status == Critical ? time.GetUtcNow() : null;
        if (check.Ttl is { } ttl)
        {
            check.TtlDeadline = time.GetUtcNow() + ttl;
        }

        _checks[check.Id] = check;
        if (check.Http is not null)
        {
            startHttpCheck(check);
        }
    }

    private ConsulAgentCheckRecord? RemoveCheck(string id)
    {
        if (_checks.Remove(id, out var check))
        {
            check.Timer?.Dispose();
        }

        return check;
    }

    private void SetResult(ConsulAgentCheckRecord check, string status, string output)
    {
        if (check.Status == status && check.Output == output)
        {
            return;
        }

        if (check.Status != status)
        {
            check.CriticalSince = status == Critical ? time.GetUtcNow() : null;
            Log.CheckStatus(logger, check.Id, status, check.Status, output);
        }

        check.Status = status;
        check.Output = output;
        check.ModifyIndex = Bump(ServiceName(check.ServiceId));
    }

    private string ServiceName(string serviceId) => _services.TryGetValue(serviceId, out var service) ? service.Name : string.Empty;

    private ulong Bump(string serviceName)
    {
        _index++;
        if (serviceName.Length > 0)
        {
            _serviceIndex[serviceName] = _index;
        }

        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
        return _index;
    }
}
